using System.Text.Json.Serialization;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Bench.Journal;

/// <summary>A small event of typical size (a bet-like record of ~80 bytes of JSON).</summary>
public sealed record BenchEvent(long N, long AmountMinor, string Spot);

[JsonSerializable(typeof(BenchEvent))]
internal sealed partial class BenchJson : JsonSerializerContext;

/// <summary>The bench event's manifest, for Akka's LiveCasino serializer (hocon catalogs list).</summary>
public sealed class BenchCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.Register("bench.event.v1", BenchJson.Default.BenchEvent);
    }
}
