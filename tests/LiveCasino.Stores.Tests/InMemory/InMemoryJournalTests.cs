using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Tests.Conformance;

namespace LiveCasino.Stores.Tests.InMemory;

/// <summary>The reference journal. Its storage lives as long as the test, so a reopen sees the same events.</summary>
public sealed class InMemoryJournalTests : JournalConformance
{
    private InMemoryJournal? _store;

    protected override Task<IJournal> OpenJournalAsync() => Task.FromResult<IJournal>(_store ??= new InMemoryJournal(Serializer));
}
