using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>Listing persistence ids: once each, in first-write order, resumable from a position.</summary>
public abstract partial class JournalConformance
{
    private async Task<List<PersistenceIdEntry>> ReadIdsOfThisTestAsync(long after = 0)
    {
        var all = new List<PersistenceIdEntry>();
        while (true)
        {
            var page = await Journal.ReadPersistenceIdsAsync(after, 2, CancellationToken.None).Await($"reading persistence ids after {after}");
            if (page.Count == 0)
            {
                // The store may be shared by the class's tests: keep this test's ids only.
                return all.Where(e => e.PersistenceId.EndsWith(Pid(string.Empty), StringComparison.Ordinal)).ToList();
            }

            all.AddRange(page);
            after = page[^1].Position;
        }
    }

    [Fact]
    public async Task Persistence_ids_are_listed_once_each_in_first_write_order()
    {
        await WriteAsync("first writes", Write(Pid("b"), 1), Write(Pid("a"), 1));
        await WriteAsync("more writes", Write(Pid("a"), 2), Write(Pid("c"), 1), Write(Pid("b"), 2));

        var ids = await ReadIdsOfThisTestAsync();
        Assert.Equal([Pid("b"), Pid("a"), Pid("c")], ids.Select(e => e.PersistenceId));
        Assert.True(ids.Zip(ids.Skip(1)).All(((PersistenceIdEntry First, PersistenceIdEntry Second) p) => p.First.Position < p.Second.Position), "positions ascend");
    }

    [Fact]
    public async Task Persistence_ids_resume_after_a_position_and_show_new_ids_only()
    {
        await WriteAsync("first ids", Write(Pid("x"), 1), Write(Pid("y"), 1));
        var first = await ReadIdsOfThisTestAsync();
        await WriteAsync("a new id and an old one", Write(Pid("z"), 1), Write(Pid("x"), 2));

        var next = await ReadIdsOfThisTestAsync(first[^1].Position);
        Assert.Equal([Pid("z")], next.Select(e => e.PersistenceId));
    }

    [Fact]
    public async Task Persistence_ids_stay_listed_after_their_events_are_deleted()
    {
        await WriteOneByOneAsync(Pid("gone"), 3);
        await Journal.DeleteEventsToAsync(Pid("gone"), long.MaxValue, CancellationToken.None).Await("deleting every event");
        Assert.Equal([Pid("gone")], (await ReadIdsOfThisTestAsync()).Select(e => e.PersistenceId));
    }
}
