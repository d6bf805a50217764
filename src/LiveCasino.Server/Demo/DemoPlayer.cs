using System.Text.Json.Serialization;

namespace LiveCasino.Server.Demo;

/// <summary>A demo player's login, kept under the data directory so a restart logs the same players in.</summary>
public sealed record DemoPlayer(string Username, string Password);

/// <summary>Source-generated JSON of the demo's credentials file.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(List<DemoPlayer>))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
