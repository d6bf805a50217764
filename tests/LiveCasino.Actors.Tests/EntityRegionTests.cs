using System.Collections.Concurrent;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Sharding;
using LiveCasino.Actors.Supervision;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public sealed class EntityRegionTests : KernelTest
{
    public sealed record Msg(int Sender, int Seq, string Action = "");

    /// <summary>Records every message it handles into a log shared across incarnations.</summary>
    private sealed class Recording(string id, ConcurrentDictionary<string, ConcurrentQueue<Msg>> log, ActorRef<string>? lifecycle) : Actor<Msg>
    {
        protected override ValueTask PreStartAsync()
        {
            lifecycle?.Tell("started:" + id);
            return ValueTask.CompletedTask;
        }

        protected override void PostStop() => lifecycle?.Tell("stopped:" + id);

        protected override ValueTask ReceiveAsync(Msg message)
        {
            log.GetOrAdd(id, _ => new ConcurrentQueue<Msg>()).Enqueue(message);
            switch (message.Action)
            {
                case "stop":
                    Context.Stop();
                    break;
                case "crash":
                    throw new InvalidOperationException("entity crash");
            }

            return ValueTask.CompletedTask;
        }
    }

    private EntityRegion<Msg> Region(ConcurrentDictionary<string, ConcurrentQueue<Msg>> log, ActorRef<string>? lifecycle = null, TimeSpan? idle = null, SupervisorStrategy? strategy = null) =>
        new(System, new EntityRegionOptions { EntityType = "rec", NumberOfShards = 16, IdleTimeout = idle }, id => Props.Create(() => new Recording(id, log, lifecycle)) with { Supervision = strategy });

    [Fact]
    public async Task Passivation_under_concurrent_sends_loses_and_reorders_nothing()
    {
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Msg>>();
        var region = Region(log);
        const int senders = 4, perSender = 5_000, entities = 8;
        using var done = new CancellationTokenSource();
        var passivator = Task.Run(async () =>
        {
            var i = 0;
            while (!done.IsCancellationRequested)
            {
                region.Passivate("e" + (i++ % entities));
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var seq = 0; seq < perSender; seq++)
            {
                Assert.True(region.Tell("e" + (seq % entities), new Msg(s, seq)));
            }
        })));

        await Eventually.TrueAsync(() => log.Values.Sum(q => q.Count) >= senders * perSender, "every message handled", TimeSpan.FromSeconds(30));
        await done.CancelAsync();
        await passivator;

        Assert.Equal(senders * perSender, log.Values.Sum(q => q.Count));
        foreach (var (id, queue) in log)
        {
            foreach (var bySender in queue.GroupBy(m => m.Sender))
            {
                var seqs = bySender.Select(m => m.Seq).ToList();
                Assert.Equal(seqs.Order(), seqs); // per sender order kept across incarnations
                Assert.Equal(seqs.Distinct().Count(), seqs.Count); // nothing twice
            }
        }

        Assert.Equal(0, System.DeadLetters.Count);
    }

    [Fact]
    public async Task Messages_queued_behind_an_entity_that_stops_itself_reach_its_next_incarnation()
    {
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Msg>>();
        var lifecycle = Probe<string>();
        var region = Region(log, lifecycle.Ref);
        region.Tell("a", new Msg(0, 0, "stop"));
        for (var i = 1; i <= 100; i++)
        {
            region.Tell("a", new Msg(0, i));
        }

        await Eventually.TrueAsync(() => log.TryGetValue("a", out var q) && q.Count == 101, "all 101 messages handled");
        Assert.Equal(Enumerable.Range(0, 101), log["a"].Select(m => m.Seq));
        Assert.Equal(0, System.DeadLetters.Count);
    }

    [Fact]
    public async Task Messages_queued_behind_an_entity_stopped_by_a_failure_reach_its_next_incarnation()
    {
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Msg>>();
        var region = Region(log, strategy: SupervisorStrategy.StopOnFailure);
        region.Tell("a", new Msg(0, 0, "crash"));
        for (var i = 1; i <= 100; i++)
        {
            region.Tell("a", new Msg(0, i));
        }

        await Eventually.TrueAsync(() => log.TryGetValue("a", out var q) && q.Count == 101, "all 101 messages handled");
        Assert.Equal(Enumerable.Range(0, 101), log["a"].Select(m => m.Seq));
    }

    [Fact]
    public async Task Idle_entities_are_passivated_on_fake_time_and_restart_on_the_next_message()
    {
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Msg>>();
        var lifecycle = Probe<string>();
        var region = Region(log, lifecycle.Ref, idle: TimeSpan.FromMinutes(1));
        region.Tell("a", new Msg(0, 1));
        Assert.Equal("started:a", await lifecycle.ExpectMessageAsync<string>());
        Time.Advance(TimeSpan.FromSeconds(30));
        await lifecycle.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(30));
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("stopped:a", await lifecycle.ExpectMessageAsync<string>("idle passivation"));
        await Eventually.TrueAsync(() => region.EntityCount == 0, "entity removed");
        region.EntityRef("a").Tell(new Msg(0, 2));
        Assert.Equal("started:a", await lifecycle.ExpectMessageAsync<string>("restart on demand"));
        await Eventually.TrueAsync(() => log["a"].Count == 2, "second message handled");
    }

    [Fact]
    public void Shard_of_an_id_is_stable_and_in_range()
    {
        Assert.Equal(ShardIds.Of("table-7", 128), ShardIds.Of("table-7", 128));
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.InRange(ShardIds.Of("player-" + i, 128), 0, 127));
        Assert.Equal(2_166_136_261u % 128, (uint)ShardIds.Of(string.Empty, 128)); // FNV-1a offset basis: fixed forever
    }

    [Fact]
    public async Task Shard_envelope_reaches_the_entity()
    {
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Msg>>();
        var region = Region(log);
        Assert.True(region.Deliver(new ShardEnvelope("rec", "z", new Msg(1, 1))));
        Assert.False(region.Deliver(new ShardEnvelope("other", "z", new Msg(1, 2))));
        await Eventually.TrueAsync(() => log.ContainsKey("z"), "envelope handled");
    }
}
