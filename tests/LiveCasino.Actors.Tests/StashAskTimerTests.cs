using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Stashing;
using LiveCasino.Actors.Supervision;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public sealed class StashAskTimerTests : KernelTest
{
    /// <summary>Stashes everything until "open"; "crash" fails it while closed.</summary>
    private sealed class Door(ActorRef<string> report) : Actor<string>, IWithStash
    {
        private bool _open;

        protected override ValueTask ReceiveAsync(string message)
        {
            switch (message)
            {
                case "open":
                    _open = true;
                    Context.UnstashAll();
                    break;
                case "crash":
                    throw new InvalidOperationException("crash while closed");
                case var m when !_open:
                    Context.Stash();
                    break;
                default:
                    report.Tell(message);
                    break;
            }

            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Unstash_replays_stashed_messages_in_order_before_newer_ones()
    {
        var probe = Probe<string>();
        var door = System.Spawn(Props.Create(() => new Door(probe.Ref)), "door");
        door.Tell("a");
        door.Tell("b");
        door.Tell("open");
        door.Tell("c");
        Assert.Equal(["a", "b", "c"], await probe.ReceiveAsync(3, "message"));
    }

    [Fact]
    public async Task Stash_survives_a_restart()
    {
        var probe = Probe<string>();
        var door = System.Spawn(Props.Create(() => new Door(probe.Ref)), "door");
        door.Tell("a");
        door.Tell("b");
        door.Tell("crash");
        door.Tell("open");
        Assert.Equal(["a", "b"], await probe.ReceiveAsync(2, "stashed message handled by the new incarnation"));
    }

    [Fact]
    public async Task Stash_beyond_capacity_fails_the_actor()
    {
        var probe = Probe<string>();
        var strategy = new SupervisorStrategy { Decider = e => e is StashOverflowException ? Directive.Stop : Directive.Resume };
        var door = System.Spawn(Props.Create(() => new Door(probe.Ref)) with { StashCapacity = 3, Supervision = strategy }, "door");
        foreach (var m in new[] { "a", "b", "c", "d" })
        {
            door.Tell(m);
        }

        await ActorSystem.WhenTerminated(door).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class UnmarkedStasher : Actor<string>
    {
        protected override ValueTask ReceiveAsync(string message)
        {
            Context.Stash();
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Stash_from_an_actor_not_marked_IWithStash_fails_it_with_a_clear_error()
    {
        var failures = new List<Exception>();
        var strategy = new SupervisorStrategy { Decider = e => { lock (failures) { failures.Add(e); } return Directive.Stop; } };
        var actor = System.Spawn(Props.Create(() => new UnmarkedStasher()) with { Supervision = strategy }, "unmarked");
        actor.Tell("x");

        await ActorSystem.WhenTerminated(actor).WaitAsync(TimeSpan.FromSeconds(10));
        var error = Assert.IsType<InvalidOperationException>(Assert.Single(failures));
        Assert.Contains(nameof(IWithStash), error.Message, StringComparison.Ordinal);
    }

    public sealed record Ping(int N, ActorRef<int> ReplyTo);

    private sealed class Echo : Actor<Ping>
    {
        protected override ValueTask ReceiveAsync(Ping message)
        {
            if (message.N >= 0)
            {
                message.ReplyTo.Tell(message.N * 2);
            }

            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = System.Spawn(Props.Create(() => new Echo()), "echo");
        Assert.Equal(42, await echo.Ask<Ping, int>(r => new Ping(21, r)));
    }

    [Fact]
    public async Task Ask_without_reply_times_out_on_fake_time_naming_the_target()
    {
        var echo = System.Spawn(Props.Create(() => new Echo()), "echo");
        var ask = echo.Ask<Ping, int>(r => new Ping(-1, r), TimeSpan.FromSeconds(3));
        Time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("/user/echo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_is_cancelled_by_its_token()
    {
        var echo = System.Spawn(Props.Create(() => new Echo()), "echo");
        using var cts = new CancellationTokenSource();
        var ask = echo.Ask<Ping, int>(r => new Ping(-1, r), TimeSpan.FromMinutes(1), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task A_reply_after_the_timeout_is_a_dead_letter()
    {
        ActorRef<int>? replyTo = null;
        var echo = System.Spawn(Props.Create(() => new Capture(r => replyTo = r)), "capture");
        var ask = echo.Ask<Ping, int>(r => new Ping(1, r), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => replyTo is not null, "the ask reached the actor");
        Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.False(replyTo!.Tell(7));
        Assert.Equal(1, System.DeadLetters.CountOf(DeadLetterReason.AskExpired));
    }

    private sealed class Capture(Action<ActorRef<int>> capture) : Actor<Ping>
    {
        protected override ValueTask ReceiveAsync(Ping message)
        {
            capture(message.ReplyTo);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Timer commands: "single", "periodic", "cancel", "idle"; fired ticks go to the probe.</summary>
    private sealed class Ticker(ActorRef<string> report) : Actor<string>
    {
        protected override ValueTask ReceiveAsync(string message)
        {
            switch (message)
            {
                case "single":
                    Context.Timers.StartSingleTimer("t", "tick-single", TimeSpan.FromSeconds(5));
                    report.Tell("armed");
                    break;
                case "periodic":
                    Context.Timers.StartPeriodicTimer("t", "tick-periodic", TimeSpan.FromSeconds(1));
                    report.Tell("armed");
                    break;
                case "cancel":
                    Context.Timers.Cancel("t");
                    report.Tell("cancelled");
                    break;
                case "idle":
                    Context.SetReceiveTimeout(TimeSpan.FromSeconds(10), "timeout");
                    report.Tell("armed");
                    break;
                case "poke":
                    break;
                default:
                    report.Tell(message);
                    break;
            }

            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Single_timer_fires_once_when_its_time_comes()
    {
        var probe = Probe<string>();
        var ticker = System.Spawn(Props.Create(() => new Ticker(probe.Ref)), "ticker");
        ticker.Tell("single");
        await probe.ExpectMessageAsync<string>("armed");
        Time.Advance(TimeSpan.FromSeconds(4));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(30));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("tick-single", await probe.ExpectMessageAsync<string>());
        Time.Advance(TimeSpan.FromSeconds(10));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task Periodic_timer_ticks_until_cancelled()
    {
        var probe = Probe<string>();
        var ticker = System.Spawn(Props.Create(() => new Ticker(probe.Ref)), "ticker");
        ticker.Tell("periodic");
        await probe.ExpectMessageAsync<string>("armed");
        Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["tick-periodic", "tick-periodic", "tick-periodic"], await probe.ReceiveAsync(3, "tick"));
        ticker.Tell("cancel");
        await probe.ExpectMessageAsync<string>("cancelled");
        Time.Advance(TimeSpan.FromSeconds(3));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task A_tick_queued_before_cancel_is_discarded()
    {
        var probe = Probe<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.Spawn(Props.Create<string>(() => new CancelAfterGate(gate.Task, entered, probe.Ref)), "canceller");
        actor.Tell("arm");
        await probe.ExpectMessageAsync<string>("armed");
        actor.Tell("wait-then-cancel");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Time.Advance(TimeSpan.FromSeconds(5)); // the tick is queued while the handler waits
        gate.SetResult();                      // the handler then cancels the timer
        Assert.Equal("cancelled", await probe.ExpectMessageAsync<string>());
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    private sealed class CancelAfterGate(Task gate, TaskCompletionSource entered, ActorRef<string> report) : Actor<string>
    {
        protected override async ValueTask ReceiveAsync(string message)
        {
            switch (message)
            {
                case "arm":
                    Context.Timers.StartSingleTimer("t", "tick", TimeSpan.FromSeconds(5));
                    report.Tell("armed");
                    break;
                case "wait-then-cancel":
                    entered.SetResult();
                    await gate;
                    Context.Timers.Cancel("t");
                    report.Tell("cancelled");
                    break;
                default:
                    report.Tell(message);
                    break;
            }
        }
    }

    [Fact]
    public async Task Receive_timeout_fires_after_silence_and_is_pushed_back_by_messages()
    {
        var probe = Probe<string>();
        var ticker = System.Spawn(Props.Create(() => new Ticker(probe.Ref)), "ticker");
        ticker.Tell("idle");
        await probe.ExpectMessageAsync<string>("armed");
        Time.Advance(TimeSpan.FromSeconds(9));
        ticker.Tell("poke");
        ticker.Tell("echo");
        await probe.ExpectMessageAsync<string>("echo after poke");
        Time.Advance(TimeSpan.FromSeconds(9));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(30));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("timeout", await probe.ExpectMessageAsync<string>());
    }

    [Fact]
    public async Task Watch_with_message_delivers_it_when_the_watched_actor_stops()
    {
        var probe = Probe<string>();
        var target = System.Spawn(Props.Create(() => new Forwarder<string>(probe.Ref)), "target");
        var watcher = System.Spawn(Props.Create<string>(() => new WatchWith(target, probe.Ref)), "watcher");
        watcher.Tell("go");
        await probe.ExpectMessageAsync<string>("watching");
        ActorSystem.Stop(target);
        Assert.Equal("target-gone", await probe.ExpectMessageAsync<string>());
    }

    [Fact]
    public async Task Watching_an_already_stopped_actor_reports_at_once()
    {
        var probe = Probe<string>();
        var target = System.Spawn(Props.Create(() => new Forwarder<string>(probe.Ref)), "target");
        ActorSystem.Stop(target);
        await ActorSystem.WhenTerminated(target).WaitAsync(TimeSpan.FromSeconds(10));
        var watcher = System.Spawn(Props.Create<string>(() => new WatchWith(target, probe.Ref)), "watcher");
        watcher.Tell("go");
        await probe.ExpectMessageAsync<string>("watching");
        Assert.Equal("target-gone", await probe.ExpectMessageAsync<string>());
    }

    private sealed class WatchWith(ActorRef target, ActorRef<string> report) : Actor<string>
    {
        protected override ValueTask ReceiveAsync(string message)
        {
            if (message == "go")
            {
                Context.Watch(target, "target-gone");
                report.Tell("watching");
            }
            else
            {
                report.Tell(message);
            }

            return ValueTask.CompletedTask;
        }
    }
}
