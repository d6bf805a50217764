using System.Net;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>Failed-login throttling over HTTP: it locks, it expires, and an attacker cannot keep the owner out.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly ServerFactory _server = new(new Dictionary<string, string?>
    {
        ["LiveCasino:Security:Lockout:FreeFailures"] = "3",
        ["LiveCasino:Security:Lockout:AccountFreeFailures"] = "6",
    });

    public void Dispose() => _server.Dispose();

    private static Task<HttpResponseMessage> Login(HttpClient client, string user, string password) =>
        client.PostJsonAsync("/api/accounts/login", new { username = user, password });

    [Fact]
    public async Task Wrong_passwords_lock_the_login_with_Retry_After_and_the_lock_expires()
    {
        var client = _server.ClientFrom("10.0.0.1");
        await client.RegisterAsync("alice");
        for (var i = 0; i < 3; i++)
        {
            await (await Login(client, "alice", "wrong password " + i)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        // Locked: even the right password is refused, without being checked.
        var locked = await Login(client, "alice", Rest.Password);
        await locked.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too many failed logins");
        Assert.Equal("30", locked.Headers.RetryAfter?.ToString());

        _server.Time.Advance(TimeSpan.FromSeconds(29));
        await (await Login(client, "alice", Rest.Password)).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        _server.Time.Advance(TimeSpan.FromSeconds(1));
        await client.LoginAsync("alice");
    }

    [Fact]
    public async Task Each_failure_after_a_lock_doubles_it_up_to_the_cap_and_attempts_during_a_lock_do_not_extend_it()
    {
        var client = _server.ClientFrom("10.0.0.2");
        await client.RegisterAsync("bob");
        for (var i = 0; i < 3; i++)
        {
            await Login(client, "bob", "wrong");
        }

        for (var i = 0; i < 5; i++)
        {
            await (await Login(client, "bob", "wrong")).ExpectProblemAsync(HttpStatusCode.TooManyRequests); // not counted
        }

        _server.Time.Advance(TimeSpan.FromSeconds(30));
        await (await Login(client, "bob", "wrong")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var doubled = await Login(client, "bob", Rest.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, doubled.StatusCode);
        Assert.Equal("60", doubled.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task An_unknown_login_is_throttled_like_a_known_one()
    {
        var client = _server.ClientFrom("10.0.0.3");
        for (var i = 0; i < 3; i++)
        {
            await (await Login(client, "ghost", "whatever password")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "wrong username or password");
        }

        await (await Login(client, "ghost", "whatever password")).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Failures_from_another_address_do_not_lock_the_owner_out()
    {
        var owner = _server.ClientFrom("192.0.2.10");
        var attacker = _server.ClientFrom("198.51.100.7");
        await owner.RegisterAsync("carol");
        for (var i = 0; i < 3; i++)
        {
            await Login(attacker, "carol", "guess " + i);
        }

        await (await Login(attacker, "carol", "guess")).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await owner.LoginAsync("carol");
    }

    [Fact]
    public async Task A_distributed_guess_locks_the_login_for_new_addresses_but_not_for_the_owners_known_address()
    {
        var owner = _server.ClientFrom("192.0.2.20");
        await owner.RegisterAsync("dana");
        await owner.LoginAsync("dana"); // this address is now known for dana

        for (var i = 0; i < 6; i++)
        {
            var bot = _server.ClientFrom($"203.0.113.{i + 1}");
            await (await Login(bot, "dana", "guess " + i)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        var stranger = _server.ClientFrom("203.0.113.200");
        await (await Login(stranger, "dana", Rest.Password)).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await owner.LoginAsync("dana");

        _server.Time.Advance(TimeSpan.FromSeconds(30)); // the login-wide lock ends too
        await stranger.LoginAsync("dana");
    }
}
