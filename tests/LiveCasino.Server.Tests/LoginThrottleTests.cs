using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests;

/// <summary>The throttle's schedule and bounds, on fake time.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    private LoginThrottle Throttle(Action<LockoutOptions>? configure = null)
    {
        var options = new SecurityOptions();
        configure?.Invoke(options.Lockout);
        return new LoginThrottle(Microsoft.Extensions.Options.Options.Create(options), _time);
    }

    [Fact]
    public void The_lock_doubles_per_failure_from_30_seconds_and_is_capped_at_15_minutes()
    {
        var throttle = Throttle();
        var seen = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            throttle.Failed("user-a", "1.2.3.4");
            var wait = throttle.RetryAfter("user-a", "1.2.3.4");
            seen.Add(wait.TotalSeconds);
            _time.Advance(wait); // wait the lock out, then fail again
        }

        Assert.Equal(new double[] { 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900 }, seen);
    }

    [Fact]
    public void Counters_are_forgotten_after_an_hour_without_failures()
    {
        var throttle = Throttle();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed("user-b", "1.2.3.4");
        }

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        throttle.Failed("user-b", "1.2.3.4");
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("user-b", "1.2.3.4")); // counting starts over: one failure, no lock
    }

    [Fact]
    public void A_success_clears_the_pair_but_not_the_login_wide_count()
    {
        var throttle = Throttle(o => o.AccountFreeFailures = 6);
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("user-c", "10.0.0.1");
        }

        throttle.Succeeded("user-c", "10.0.0.1");
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("user-c", "10.0.0.1"));
        throttle.Failed("user-c", "10.0.0.2");
        throttle.Failed("user-c", "10.0.0.3");
        Assert.Equal(TimeSpan.FromSeconds(30), throttle.RetryAfter("user-c", "10.0.0.9")); // 6 failures on the login in all
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("user-c", "10.0.0.1")); // the owner's known address
    }

    [Fact]
    public void Tracked_counters_stay_within_the_limit_under_a_flood()
    {
        var throttle = Throttle(o => o.TrackedMax = 100);
        for (var i = 0; i < 1_000; i++)
        {
            throttle.Failed("user-" + i, "10.0.0.1");
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.True(throttle.TrackedCount <= 100, $"{throttle.TrackedCount} counters tracked; the limit is 100");
    }
}
