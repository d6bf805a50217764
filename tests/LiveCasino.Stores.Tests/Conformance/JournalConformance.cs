using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>
/// The journal contract, run against every store (after Akka.Persistence.TCK's JournalSpec, plus
/// atomicity, conflict isolation, group commit order, read-side completeness and crash recovery).
/// A concrete class says how to open its store; ids and tags are unique per test so a store can be
/// shared by a whole test class.
/// </summary>
public abstract partial class JournalConformance : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private IJournal? _journal;

    protected EventSerializer Serializer { get; } = TestSerializer.Create();

    /// <summary>The journal under test, opened before each test.</summary>
    protected IJournal Journal => _journal ?? throw new InvalidOperationException("The journal is not open.");

    /// <summary>Opens a journal over the class's storage; a second call is a reopen of the same data.</summary>
    protected abstract Task<IJournal> OpenJournalAsync();

    /// <summary>Separate journal instances (connections) the concurrency tests write through at once.</summary>
    protected virtual int ConcurrentJournals => 1;

    /// <summary>Stops a journal abruptly while writes may be in flight (dispose aborts the batch by default).</summary>
    protected virtual Task CrashAsync(IJournal journal) => journal.DisposeAsync().AsTask();

    public async Task InitializeAsync() => _journal = await OpenJournalAsync().Await("opening the journal under test");

    public async Task DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync().AsTask().Await("disposing the journal under test");
        }
    }

    protected string Pid(string name) => $"{name}-{_run}";

    protected string Tag(string name) => $"{name}-{_run}";

    protected Task<IReadOnlyList<WriteResult>> WriteAsync(string phase, params AtomicWrite[] writes) =>
        Journal.WriteAsync(writes, CancellationToken.None).Await(phase);

    protected async Task WriteOneByOneAsync(string pid, int count)
    {
        var writes = Enumerable.Range(1, count).Select(nr => Write(pid, nr)).ToArray();
        var results = await WriteAsync($"writing 1..{count} of {pid}", writes);
        Assert.All(results, r => Assert.Equal(WriteStatus.Written, r.Status));
    }

    protected Task<List<PersistentEvent>> ReplayAsync(string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue, IJournal? journal = null) =>
        (journal ?? Journal).ReplayAsync(pid, from, to, max, CancellationToken.None).ToListAsync($"replaying {pid} [{from}..{to}] max {max}");

    protected Task<long> HighestAsync(string pid, IJournal? journal = null) =>
        (journal ?? Journal).ReadHighestSequenceNrAsync(pid, CancellationToken.None).Await($"reading highest nr of {pid}");

    protected static long[] Numbers(IEnumerable<PersistentEvent> events) => events.Select(e => e.SequenceNr).ToArray();

    protected static long[] Range(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToArray();

    /// <summary>Every event with the tag, paging from offset 0 the way a follower does.</summary>
    protected async Task<List<PersistentEvent>> ReadAllTaggedAsync(string tag, int page = 500)
    {
        var all = new List<PersistentEvent>();
        long after = 0;
        while (true)
        {
            var batch = await Journal.ReadTaggedAsync(tag, after, page, CancellationToken.None).Await($"reading tag {tag} after {after}");
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
            after = batch[^1].Offset;
        }
    }
}
