using System.Net;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>ASP.NET Core rate limits: 429 with Retry-After and ProblemDetails, per address on auth, per account on the API.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Auth_endpoints_answer_429_past_the_window_per_client_address()
    {
        using var server = new ServerFactory(new Dictionary<string, string?> { ["LiveCasino:RateLimits:AuthPermits"] = "3" });
        var client = server.ClientFrom("10.1.0.1");
        for (var i = 0; i < 3; i++)
        {
            await (await client.PostJsonAsync("/api/accounts/login", new { username = "nobody" + i, password = "x" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        var refused = await client.PostJsonAsync("/api/accounts/register", new { username = "newuser", password = Rest.Password });
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too many requests");
        Assert.NotNull(refused.Headers.RetryAfter);

        // Another address has its own window, and nothing was registered by the refused call.
        var other = server.ClientFrom("10.1.0.2");
        await other.RegisterAsync("newuser");
    }

    [Fact]
    public async Task Api_calls_are_limited_per_account()
    {
        using var server = new ServerFactory(new Dictionary<string, string?> { ["LiveCasino:RateLimits:ApiPermits"] = "3" });
        var client = server.ClientFrom("10.1.0.3");
        var alice = await client.RegisterAndLoginAsync("alice");
        var bob = await client.RegisterAndLoginAsync("bob");
        for (var i = 0; i < 3; i++)
        {
            await client.BalanceAsync(alice.Access);
        }

        await (await client.GetAsync("/api/wallet", alice.Access)).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await client.BalanceAsync(bob.Access); // same address, other account: its own budget
    }
}
