using System.Collections.Concurrent;
using Akka.Actor;
using LiveCasino.Sharding.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Sharding.Tests;

/// <summary>
/// Entities passivating all the time while several callers send them commands, on a one-node
/// cluster: every command is answered, none is applied twice, a repeated id is answered as the
/// first time, and every message crosses serialization (serialize-messages = on).
/// </summary>
public sealed class PassivationTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TallyNodes.InMemory(), TallyNodes.SystemName, output)
{
    private static readonly EntityAskPolicy Policy = new(TimeSpan.FromSeconds(3), 5);

    [Fact]
    public async Task Passivation_under_concurrent_sends_answers_every_command_and_applies_each_once()
    {
        await TallyNodes.JoinAsync(Sys);
        var region = await EntityRegions.StartAsync(Sys, "tally", TallyEntity.Props, 20);
        const int senders = 4;
        const int perSender = 250;
        const int entities = 8;
        var answers = new ConcurrentDictionary<string, long>();

        var sends = Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i++)
            {
                var op = $"s{s}-{i}";
                var entity = $"e{i % entities}";
                if (i % 4 == s % 4)
                {
                    // The entity is told to passivate just before this command: it arrives while the entity stops.
                    region.Tell(new Akka.Cluster.Sharding.ShardingEnvelope(entity, new Rest()));
                }

                var added = await region.AskEntityAsync<Added>(entity, new Add(op, 1), Policy);
                Assert.Equal(op, added.OperationId);
                Assert.True(answers.TryAdd(op, added.TotalAfter), $"{op} answered twice");
            }
        })).ToList();
        await Task.WhenAll(sends).WaitAsync(TallyNodes.Patience * 4);

        Assert.Equal(senders * perSender, answers.Count);
        for (var e = 0; e < entities; e++)
        {
            var expected = Enumerable.Range(0, perSender).Count(i => i % entities == e) * senders;
            var tally = await region.AskEntityAsync<Tally>($"e{e}", new GetTally(), Policy);
            Assert.Equal(new Tally(expected, expected), tally);
        }

        // Within one entity the totals handed out are exactly 1..n: nothing applied twice, no gap.
        for (var e = 0; e < entities; e++)
        {
            var mine = answers.Where(a => int.Parse(a.Key.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture) % entities == e).Select(a => a.Value).Order().ToList();
            Assert.Equal(Enumerable.Range(1, mine.Count).Select(v => (long)v), mine);
        }
    }

    [Fact]
    public async Task A_repeated_operation_id_is_answered_as_the_first_time_and_applies_nothing()
    {
        await TallyNodes.JoinAsync(Sys);
        var region = await EntityRegions.StartAsync(Sys, "tally", TallyEntity.Props, 20);
        var first = await region.AskEntityAsync<Added>("e1", new Add("op-1", 5), Policy);
        await region.AskEntityAsync<Added>("e1", new Add("op-2", 7), Policy);
        region.Tell(new Akka.Cluster.Sharding.ShardingEnvelope("e1", new Rest()));

        var repeat = await region.AskEntityAsync<Added>("e1", new Add("op-1", 5), Policy);
        Assert.Equal(first, repeat);
        Assert.Equal(new Tally(12, 2), await region.AskEntityAsync<Tally>("e1", new GetTally(), Policy));
    }
}
