using System.Text.Json.Serialization;
using Akka.Persistence.Journal;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Persistence.Tests.Support;

/// <summary>Bound to LiveCasino's serializer in <see cref="Plugins"/>' configuration.</summary>
public interface ITestMessage;

/// <summary>An event; <see cref="Tag"/> (when set) is added as a journal tag by <see cref="TaggingAdapter"/>.</summary>
public sealed record TestEvent(string Text, string? Tag = null) : ITestMessage;

public sealed record TestSnapshot(string Text, int Count) : ITestMessage;

/// <summary>Bound to the serializer but in no catalog: serializing it fails, so the journal must reject it.</summary>
public sealed record NotInCatalog(string Text) : ITestMessage;

[JsonSerializable(typeof(TestEvent))]
[JsonSerializable(typeof(TestSnapshot))]
internal sealed partial class TestJson : JsonSerializerContext;

/// <summary>The test types' manifests, named in the test configuration's catalogs list.</summary>
public sealed class TestCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.Register("test.event.v1", TestJson.Default.TestEvent)
            .Register("test.snapshot.v1", TestJson.Default.TestSnapshot);
    }
}

/// <summary>Tags events on their way to the journal, the way the domain's write adapters do.</summary>
public sealed class TaggingAdapter : IWriteEventAdapter
{
    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt is TestEvent { Tag: { } tag } ? new Tagged(evt, [tag]) : evt;
}
