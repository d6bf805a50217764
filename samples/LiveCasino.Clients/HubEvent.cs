using System.Text.Json.Nodes;

namespace LiveCasino.Clients;

/// <summary>A server-to-client hub event: its target name and its (single) argument.</summary>
public sealed record HubEvent(string Target, JsonObject Payload);
