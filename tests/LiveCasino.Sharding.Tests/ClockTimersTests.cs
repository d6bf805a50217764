using Akka.Actor;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Time.Testing;

namespace LiveCasino.Sharding.Tests;

/// <summary>
/// Domain deadlines on the injected clock: a timer fires when the fake clock reaches its time and
/// not a tick before, a replaced or cancelled timer's tick that was already queued is dropped, and a
/// time already past fires at once.
/// </summary>
public sealed class ClockTimersTests : TestKit
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_timer_fires_when_the_clock_reaches_its_time_and_not_before()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(_time, TestActor)));
        actor.Tell(new Start("close", "round-1", TimeSpan.FromSeconds(15)));
        ExpectMsg<Started>();

        _time.Advance(TimeSpan.FromSeconds(15) - TimeSpan.FromTicks(1));
        actor.Tell(new Ping());
        ExpectMsg<Pong>(); // the actor ran a message after the clock moved: no tick had come before it

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal("round-1", ExpectMsg<Fired>().Payload);
    }

    [Fact]
    public void A_replaced_timer_delivers_only_the_new_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(_time, TestActor)));
        actor.Tell(new Start("close", "old", TimeSpan.FromSeconds(5)));
        ExpectMsg<Started>();

        // While the actor is held the new start is queued, then the old timer fires: its tick waits
        // behind the start that replaces it.
        actor.Tell(new Hold());
        ExpectMsg<Held>();
        actor.Tell(new Start("close", "new", TimeSpan.FromSeconds(5)));
        _time.Advance(TimeSpan.FromSeconds(5));
        actor.Tell(new Release());
        ExpectMsg<Started>();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("new", ExpectMsg<Fired>().Payload);
        actor.Tell(new Ping());
        ExpectMsg<Pong>(); // nothing else arrived in between: the stale tick was dropped
    }

    [Fact]
    public void A_cancelled_timer_delivers_nothing_even_when_its_tick_was_queued()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(_time, TestActor)));
        actor.Tell(new Start("close", "x", TimeSpan.FromSeconds(5)));
        ExpectMsg<Started>();
        actor.Tell(new Hold());
        ExpectMsg<Held>();
        actor.Tell(new Cancel("close"));
        _time.Advance(TimeSpan.FromSeconds(5)); // the tick is queued behind the cancel
        actor.Tell(new Release());
        ExpectMsg<Cancelled>();
        actor.Tell(new Ping());
        ExpectMsg<Pong>();
    }

    [Fact]
    public void A_time_already_past_fires_at_once()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(_time, TestActor)));
        actor.Tell(new Start("close", "late", TimeSpan.FromSeconds(-3)));
        ExpectMsg<Started>();
        Assert.Equal("late", ExpectMsg<Fired>().Payload);
    }

    private sealed record Start(string Key, string Payload, TimeSpan In);

    private sealed record Started;

    private sealed record Cancel(string Key);

    private sealed record Cancelled;

    private sealed record Fired(string Payload);

    private sealed record Ping;

    private sealed record Pong;

    private sealed record Hold;

    private sealed record Held;

    private sealed record Release;

    /// <summary>Owns timers; "Hold" blocks its thread until "Release" is queued, so ticks can pile up behind it.</summary>
    private sealed class TimerOwner : ReceiveActor, IWithStash
    {
        private readonly ClockTimers _timers;

        public TimerOwner(TimeProvider time, IActorRef report)
        {
            _timers = new ClockTimers(Self, time);
            Receive<Start>(s =>
            {
                _timers.StartSingleTimer(s.Key, s.Payload, time.GetUtcNow() + s.In);
                report.Tell(new Started());
            });
            Receive<Cancel>(c =>
            {
                _timers.Cancel(c.Key);
                report.Tell(new Cancelled());
            });
            Receive<ClockTimers.Tick>(t =>
            {
                if (_timers.Accept(t) is string payload)
                {
                    report.Tell(new Fired(payload));
                }
            });
            Receive<Ping>(_ => report.Tell(new Pong()));
            Receive<Hold>(_ =>
            {
                report.Tell(new Held());
                BecomeStacked(() =>
                {
                    Receive<Release>(_ =>
                    {
                        UnbecomeStacked();
                        Stash.UnstashAll();
                    });
                    ReceiveAny(_ => Stash.Stash());
                });
            });
        }

        public IStash Stash { get; set; } = null!;

        protected override void PostStop() => _timers.Dispose();
    }
}
