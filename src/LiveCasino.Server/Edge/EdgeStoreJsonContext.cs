using System.Text.Json.Serialization;

namespace LiveCasino.Server.Edge;

/// <summary>Source-generated JSON of the edge's persisted types (the table catalog). Enums as names.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(TableListed))]
internal sealed partial class EdgeStoreJsonContext : JsonSerializerContext;
