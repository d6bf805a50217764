using LiveCasino.Actors.Core;
using LiveCasino.Actors.Supervision;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public sealed class SupervisionTests : KernelTest
{
    public abstract record Cmd
    {
        public sealed record Add(int N) : Cmd;

        public sealed record Boom(string Why) : Cmd;

        public sealed record Report : Cmd;
    }

    public abstract record Event
    {
        public sealed record Total(int Value, int Incarnation) : Event;

        public sealed record Started(int Incarnation) : Event;

        public sealed record Hook(string Name, int Incarnation) : Event;
    }

    /// <summary>Keeps a running total; throws on Boom; reports lifecycle to a probe.</summary>
    private sealed class Accumulator(ActorRef<Event> probe, Func<int> incarnation) : Actor<Cmd>
    {
        private readonly int _incarnation = incarnation();
        private int _total;

        protected override ValueTask PreStartAsync()
        {
            probe.Tell(new Event.Started(_incarnation));
            return ValueTask.CompletedTask;
        }

        protected override void PreRestart(Exception reason) => probe.Tell(new Event.Hook("PreRestart", _incarnation));

        protected override void PostStop() => probe.Tell(new Event.Hook("PostStop", _incarnation));

        protected override ValueTask ReceiveAsync(Cmd message)
        {
            switch (message)
            {
                case Cmd.Add a:
                    _total += a.N;
                    break;
                case Cmd.Boom b:
                    throw new InvalidOperationException(b.Why);
                case Cmd.Report:
                    probe.Tell(new Event.Total(_total, _incarnation));
                    break;
            }

            return ValueTask.CompletedTask;
        }
    }

    private (ActorRef<Cmd> Actor, TestProbe<Event> Probe) SpawnAccumulator(SupervisorStrategy strategy)
    {
        var probe = Probe<Event>();
        var incarnations = 0;
        var actor = System.Spawn(Props.Create<Cmd>(() => new Accumulator(probe.Ref, () => Interlocked.Increment(ref incarnations))).WithSupervision(strategy), "acc");
        return (actor, probe);
    }

    [Fact]
    public async Task Resume_keeps_the_state_and_goes_on()
    {
        var (actor, probe) = SpawnAccumulator(SupervisorStrategy.ResumeOnFailure);
        await probe.ExpectMessageAsync<Event.Started>();
        actor.Tell(new Cmd.Add(5));
        actor.Tell(new Cmd.Boom("x"));
        actor.Tell(new Cmd.Add(2));
        actor.Tell(new Cmd.Report());
        Assert.Equal(new Event.Total(7, 1), await probe.ExpectMessageAsync<Event.Total>());
    }

    [Fact]
    public async Task Restart_replaces_the_instance_runs_hooks_and_keeps_later_messages()
    {
        var (actor, probe) = SpawnAccumulator(SupervisorStrategy.Default);
        await probe.ExpectMessageAsync<Event.Started>();
        actor.Tell(new Cmd.Add(5));
        actor.Tell(new Cmd.Boom("x"));
        actor.Tell(new Cmd.Add(2));
        actor.Tell(new Cmd.Report());
        Assert.Equal(new Event.Hook("PreRestart", 1), await probe.ExpectMessageAsync<Event.Hook>());
        Assert.Equal(new Event.Started(2), await probe.ExpectMessageAsync<Event.Started>());
        Assert.Equal(new Event.Total(2, 2), await probe.ExpectMessageAsync<Event.Total>());
    }

    [Fact]
    public async Task Stop_directive_stops_the_actor_and_tells_watchers()
    {
        var (actor, probe) = SpawnAccumulator(SupervisorStrategy.StopOnFailure);
        await probe.ExpectMessageAsync<Event.Started>();
        var watcher = Probe<string>();
        var watching = System.Spawn(Props.Create<string>(() => new Watcher(actor, watcher.Ref)), "watcher");
        watching.Tell("watch");
        await watcher.ExpectMessageAsync<string>("watch registered");
        actor.Tell(new Cmd.Boom("fatal"));
        Assert.Equal(new Event.Hook("PostStop", 1), await probe.ExpectMessageAsync<Event.Hook>());
        Assert.Equal("terminated:/user/acc", await watcher.ExpectMessageAsync<string>("Terminated of acc"));
        Assert.False(actor.Tell(new Cmd.Report()));
    }

    [Fact]
    public async Task Restarts_beyond_the_limit_within_the_window_stop_the_actor()
    {
        var (actor, probe) = SpawnAccumulator(new SupervisorStrategy { MaxRestarts = 3, Within = TimeSpan.FromMinutes(1) });
        await probe.ExpectMessageAsync<Event.Started>();
        for (var i = 0; i < 4; i++)
        {
            actor.Tell(new Cmd.Boom("again"));
        }

        for (var i = 1; i <= 3; i++)
        {
            await probe.ExpectMessageAsync<Event.Hook>($"PreRestart {i}");
            await probe.ExpectMessageAsync<Event.Started>($"incarnation {i + 1}");
        }

        Assert.Equal(new Event.Hook("PostStop", 4), await probe.ExpectMessageAsync<Event.Hook>("stop after the 4th failure"));
        await ActorSystem.WhenTerminated(actor).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Restart_count_resets_once_the_window_has_passed()
    {
        var (actor, probe) = SpawnAccumulator(new SupervisorStrategy { MaxRestarts = 1, Within = TimeSpan.FromMinutes(1) });
        await probe.ExpectMessageAsync<Event.Started>();
        actor.Tell(new Cmd.Boom("1"));
        await probe.ExpectMessageAsync<Event.Hook>();
        await probe.ExpectMessageAsync<Event.Started>();
        Time.Advance(TimeSpan.FromMinutes(2));
        actor.Tell(new Cmd.Boom("2"));
        Assert.Equal("PreRestart", (await probe.ExpectMessageAsync<Event.Hook>("a second restart after the window")).Name);
    }

    [Fact]
    public async Task Backoff_delays_each_restart_exponentially_on_fake_time()
    {
        var strategy = new SupervisorStrategy { MaxRestarts = 5, Within = TimeSpan.FromHours(1), Backoff = new BackoffOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), RandomFactor: 0) };
        var (actor, probe) = SpawnAccumulator(strategy);
        await probe.ExpectMessageAsync<Event.Started>();

        actor.Tell(new Cmd.Boom("first"));
        actor.Tell(new Cmd.Report());
        await AdvanceWhenArmedAsync(TimeSpan.FromMilliseconds(999), what: "backoff timer 1");
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new Event.Hook("PreRestart", 1), await probe.ExpectMessageAsync<Event.Hook>());
        await probe.ExpectMessageAsync<Event.Started>();
        Assert.Equal(new Event.Total(0, 2), await probe.ExpectMessageAsync<Event.Total>("the report queued during backoff"));

        actor.Tell(new Cmd.Boom("second"));
        await AdvanceWhenArmedAsync(TimeSpan.FromMilliseconds(1_999), what: "backoff timer 2");
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new Event.Hook("PreRestart", 2), await probe.ExpectMessageAsync<Event.Hook>("restart after 2 s"));
    }

    [Fact]
    public async Task Escalate_stops_the_child_and_fails_the_parent()
    {
        var probe = Probe<string>();
        var parent = System.Spawn(Props.Create<string>(() => new Parent(probe.Ref)).WithSupervision(SupervisorStrategy.StopOnFailure), "parent");
        parent.Tell("spawn");
        await probe.ExpectMessageAsync<string>("child spawned");
        parent.Tell("break-child");
        Assert.Equal("child-stopped", await probe.ExpectMessageAsync<string>("the failing child stops"));
        Assert.Equal("parent-stopped", await probe.ExpectMessageAsync<string>("parent stopped by the escalated failure"));
        await ActorSystem.WhenTerminated(parent).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Children_stop_before_their_parent()
    {
        var probe = Probe<string>();
        var parent = System.Spawn(Props.Create<string>(() => new Parent(probe.Ref)), "parent");
        parent.Tell("spawn");
        await probe.ExpectMessageAsync<string>("child spawned");
        ActorSystem.Stop(parent);
        Assert.Equal("child-stopped", await probe.ExpectMessageAsync<string>());
        Assert.Equal("parent-stopped", await probe.ExpectMessageAsync<string>());
    }

    private sealed class Watcher(ActorRef target, ActorRef<string> report) : Actor<string>
    {
        protected override ValueTask ReceiveAsync(string message)
        {
            Context.Watch(target);
            report.Tell(message);
            return ValueTask.CompletedTask;
        }

        protected override void OnTerminated(ActorRef actor) => report.Tell("terminated:" + actor.Path);
    }

    private sealed class Parent(ActorRef<string> report) : Actor<string>
    {
        private ActorRef<string>? _child;

        protected override ValueTask ReceiveAsync(string message)
        {
            switch (message)
            {
                case "spawn":
                    _child = Context.Spawn(Props.Create<string>(() => new Child(report)).WithSupervision(SupervisorStrategy.EscalateOnFailure), "child");
                    report.Tell("spawned");
                    break;
                case "break-child":
                    _child!.Tell("break");
                    break;
            }

            return ValueTask.CompletedTask;
        }

        protected override void PostStop() => report.Tell("parent-stopped");
    }

    private sealed class Child(ActorRef<string> report) : Actor<string>
    {
        protected override ValueTask ReceiveAsync(string message) => throw new InvalidOperationException("child broke");

        protected override void PostStop() => report.Tell("child-stopped");
    }
}
