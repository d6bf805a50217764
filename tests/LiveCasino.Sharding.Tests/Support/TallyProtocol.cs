using System.Text.Json.Serialization;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Sharding.Tests.Support;

/// <summary>Everything the test entity sends and stores; bound to LiveCasino's serializer, so serialize-messages proves it crosses nodes.</summary>
public interface ITallyMessage;

/// <summary>Adds <paramref name="Amount"/> once per caller-made <paramref name="OperationId"/>.</summary>
public sealed record Add(string OperationId, int Amount) : ITallyMessage;

/// <summary>The answer to an <see cref="Add"/>: the total right after it was applied (the same for a repeat).</summary>
public sealed record Added(string OperationId, long TotalAfter) : ITallyMessage;

/// <summary>Asks the entity to passivate itself (as an idle timeout would).</summary>
public sealed record Rest : ITallyMessage;

public sealed record GetTally : ITallyMessage;

public sealed record Tally(long Total, int Applied) : ITallyMessage;

/// <summary>The one event: an operation applied.</summary>
public sealed record Applied(string OperationId, int Amount, long TotalAfter) : ITallyMessage;

[JsonSerializable(typeof(Add))]
[JsonSerializable(typeof(Added))]
[JsonSerializable(typeof(Rest))]
[JsonSerializable(typeof(GetTally))]
[JsonSerializable(typeof(Tally))]
[JsonSerializable(typeof(Applied))]
internal sealed partial class TallyJson : JsonSerializerContext;

public sealed class TallyCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.Register("tally.add.v1", TallyJson.Default.Add)
            .Register("tally.added.v1", TallyJson.Default.Added)
            .Register("tally.rest.v1", TallyJson.Default.Rest)
            .Register("tally.get.v1", TallyJson.Default.GetTally)
            .Register("tally.tally.v1", TallyJson.Default.Tally)
            .Register("tally.applied.v1", TallyJson.Default.Applied);
    }
}
