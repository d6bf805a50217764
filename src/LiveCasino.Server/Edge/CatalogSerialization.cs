using LiveCasino.Sharding;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Server.Edge;

/// <summary>The table catalog's event and messages under stable manifests ("edge.*.v1"): never change one.</summary>
internal static class CatalogSerialization
{
    /// <summary>The engine's configuration for the catalog: its messages and event go through LiveCasino's serializer.</summary>
    public static string EngineHocon { get; } = SerializationHocon.For("edge", typeof(CatalogManifests), typeof(ICatalogMessage), typeof(TableListed));

    public static EventSerializer RegisterCatalogTypes(this EventSerializer s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = EdgeStoreJsonContext.Default;
        return s
            .Register("edge.table-listed.v1", c.TableListed)
            .Register("edge.catalog-list.v1", c.List)
            .Register("edge.catalog-get-all.v1", c.GetAll)
            .Register("edge.catalog-reply.v1", c.CatalogReply)
            .Register("edge.catalog-listings.v1", c.CatalogListings);
    }
}

/// <summary>The catalog's types for Akka's LiveCasino serializer (named in <see cref="CatalogSerialization.EngineHocon"/>).</summary>
internal sealed class CatalogManifests : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer) => serializer.RegisterCatalogTypes();
}
