using System.Text.Json.Serialization;

namespace LiveCasino.Server.Edge;

/// <summary>Source-generated JSON of the table catalog's event and messages. Enums as names.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(TableListed))]
[JsonSerializable(typeof(CatalogCommand.List))]
[JsonSerializable(typeof(CatalogCommand.GetAll))]
[JsonSerializable(typeof(CatalogReply))]
[JsonSerializable(typeof(CatalogListings))]
internal sealed partial class EdgeStoreJsonContext : JsonSerializerContext;
