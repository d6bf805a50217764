using LiveCasino.Server.Options;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Failed-login throttling that slows guessing without letting anyone lock the owner out for good.
/// <list type="bullet">
/// <item>Per (login, client address): <see cref="LockoutOptions.FreeFailures"/> free failures, then
/// each failure locks that pair for BackoffInitial·2^(n-free), capped at BackoffMax.</item>
/// <item>Per login over all addresses (a distributed guess): the same backoff after
/// <see cref="LockoutOptions.AccountFreeFailures"/>, except for addresses that logged in to that
/// login successfully before (remembered, bounded), so the owner's usual client keeps working.</item>
/// <item>Attempts made while locked are refused without checking the password and are not counted:
/// a lock cannot be extended by hammering it, and always ends.</item>
/// </list>
/// In memory and bounded (<see cref="LockoutOptions.TrackedMax"/>; idle counters are dropped first);
/// a restart forgets the counters (the per-address rate limit still applies). Thread-safe.
/// </summary>
public sealed class LoginThrottle
{
    private readonly LockoutOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _trusted = new(StringComparer.Ordinal);

    public LoginThrottle(IOptions<SecurityOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Lockout;
        _time = time;
    }

    /// <summary>Counters held now (for tests and metrics).</summary>
    public int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _counters.Count;
            }
        }
    }

    /// <summary>How long <paramref name="login"/> from <paramref name="client"/> must wait; zero when it may try now.</summary>
    public TimeSpan RetryAfter(string login, string client)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var wait = Remaining(PairKey(login, client), now);
            if (!IsTrusted(login, client))
            {
                wait = Max(wait, Remaining(LoginKey(login), now));
            }

            return wait;
        }
    }

    /// <summary>Counts a failed attempt (wrong password or unknown login).</summary>
    public void Failed(string login, string client)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Count(PairKey(login, client), _options.FreeFailures, now);
            Count(LoginKey(login), _options.AccountFreeFailures, now);
        }
    }

    /// <summary>Clears the pair's counter and remembers the address as the login's own.</summary>
    public void Succeeded(string login, string client)
    {
        lock (_gate)
        {
            _counters.Remove(PairKey(login, client));
            if (_options.TrustedAddressesPerLogin == 0)
            {
                return;
            }

            if (!_trusted.TryGetValue(login, out var addresses))
            {
                if (_trusted.Count >= _options.TrackedMax)
                {
                    _trusted.Remove(_trusted.Keys.First()); // bounded: forget some other login's addresses
                }

                addresses = [];
                _trusted.Add(login, addresses);
            }

            addresses.Remove(client);
            addresses.Add(client);
            if (addresses.Count > _options.TrustedAddressesPerLogin)
            {
                addresses.RemoveAt(0); // the least recently successful
            }
        }
    }

    private void Count(string key, int free, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var counter) || now - counter.LastFailure > _options.ForgetAfter)
        {
            MakeRoom();
            counter = new Counter();
            _counters[key] = counter;
        }

        counter.Failures++;
        counter.LastFailure = now;
        if (counter.Failures >= free)
        {
            var exponent = Math.Min(counter.Failures - free, 30);
            var backoff = TimeSpan.FromTicks(Math.Min(_options.BackoffInitial.Ticks * (1L << exponent), _options.BackoffMax.Ticks));
            counter.LockedUntil = now + backoff;
        }
    }

    private TimeSpan Remaining(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var c) && c.LockedUntil > now ? c.LockedUntil - now : TimeSpan.Zero;

    private bool IsTrusted(string login, string client) => _trusted.TryGetValue(login, out var a) && a.Contains(client);

    /// <summary>At the limit: drop counters idle past ForgetAfter, else the one with the oldest failure.</summary>
    private void MakeRoom()
    {
        if (_counters.Count < _options.TrackedMax)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var idle = _counters.Where(kv => now - kv.Value.LastFailure > _options.ForgetAfter).Select(kv => kv.Key).ToList();
        foreach (var key in idle)
        {
            _counters.Remove(key);
        }

        if (_counters.Count >= _options.TrackedMax)
        {
            _counters.Remove(_counters.MinBy(kv => kv.Value.LastFailure).Key);
        }
    }

    private static string PairKey(string login, string client) => login + "\n" + client;

    private static string LoginKey(string login) => login;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Counter
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
