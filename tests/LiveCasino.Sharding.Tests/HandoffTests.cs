using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using LiveCasino.Sharding.Tests.Support;

namespace LiveCasino.Sharding.Tests;

/// <summary>
/// Two nodes in one process over loopback, sharing one SQLite journal: a second node joins under
/// load (shards rebalance to it) and then the first leaves gracefully (its shards hand off), while
/// callers keep sending. Every command is answered and each applied once; the coordinator moves with
/// its state in distributed data.
/// </summary>
public sealed class HandoffTests : IDisposable
{
    private static readonly EntityAskPolicy Policy = new(TimeSpan.FromSeconds(3), 10);
    private readonly string _directory = Directory.CreateTempSubdirectory("livecasino-handoff-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Rebalance_and_graceful_leave_under_load_answer_every_command_and_apply_each_once()
    {
        var file = Path.Combine(_directory, "journal.db");
        var first = ActorSystem.Create(TallyNodes.SystemName, TallyNodes.OnSqlite(file));
        var second = ActorSystem.Create(TallyNodes.SystemName, TallyNodes.OnSqlite(file));
        try
        {
            await TallyNodes.JoinAsync(first);
            var firstRegion = await EntityRegions.StartAsync(first, "tally", TallyEntity.Props, 20);

            // Start every entity on the first node while it is alone, so the rebalance and the leave move live entities.
            const int entities = 12;
            for (var e = 0; e < entities; e++)
            {
                await firstRegion.AskEntityAsync<Tally>($"e{e}", new GetTally(), Policy);
            }

            await TallyNodes.JoinAsync(second, Cluster.Get(first).SelfAddress);
            var region = await EntityRegions.StartAsync(second, "tally", TallyEntity.Props, 20);

            const int senders = 3;
            const int perSender = 300;
            var answers = new ConcurrentDictionary<string, long>();
            var answered = 0;
            var halfWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
            {
                for (var i = 0; i < perSender; i++)
                {
                    var op = $"s{s}-{i}";
                    var added = await region.AskEntityAsync<Added>($"e{i % entities}", new Add(op, 1), Policy);
                    Assert.True(answers.TryAdd(op, added.TotalAfter), $"{op} answered twice");
                    if (Interlocked.Increment(ref answered) == senders * perSender / 2)
                    {
                        halfWay.TrySetResult();
                    }
                }
            })).ToList();

            // Half-way, the first node leaves: its shards (and the coordinator) hand off to the second.
            await Task.WhenAny(halfWay.Task, Task.WhenAll(sends)).WaitAsync(TallyNodes.Patience * 2);

            await CoordinatedShutdown.Get(first).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(TallyNodes.Patience);
            await Task.WhenAll(sends).WaitAsync(TallyNodes.Patience * 4);

            Assert.Equal(senders * perSender, answers.Count);
            for (var e = 0; e < entities; e++)
            {
                var expected = Enumerable.Range(0, perSender).Count(i => i % entities == e) * senders;
                Assert.Equal(new Tally(expected, expected), await region.AskEntityAsync<Tally>($"e{e}", new GetTally(), Policy));
            }
        }
        finally
        {
            await Task.WhenAll(first.Terminate(), second.Terminate()).WaitAsync(TallyNodes.Patience);
        }
    }
}
