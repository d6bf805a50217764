using System.Net;
using LiveCasino.Server.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests;

/// <summary>Two nodes, one after the other, on the same data directory: what the first persisted, the second has.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _directory = ServerFactory.NewDataDirectory();

    public void Dispose() => ServerFactory.DeleteDataDirectory(_directory);

    [Fact]
    public async Task A_restart_keeps_accounts_sessions_wallets_and_signing_keys()
    {
        Tokens kept, ended;
        string accountId;
        using (var first = new ServerFactory(dataDirectory: _directory))
        {
            var client = first.CreateClient();
            accountId = await client.RegisterAsync("alice");
            kept = await client.LoginAsync("alice");
            ended = await client.LoginAsync("alice");
            await (await client.SendAsync(HttpMethod.Post, "/api/accounts/logout", ended.Access)).ExpectAsync(HttpStatusCode.NoContent);
            await (await client.PostJsonAsync("/api/wallet/deposits", new { operationId = "d1", amountMinor = 4_200, currency = "EUR", channel = "card" }, kept.Access))
                .ExpectAsync(HttpStatusCode.Accepted);
            await Eventually.TrueAsync(() => client.BalanceAsync(kept.Access).GetAwaiter().GetResult().Long("availableMinor") == 4_200, "the deposit credited before the restart", TimeSpan.FromSeconds(30));
        }

        using var second = new ServerFactory(dataDirectory: _directory);
        var again = second.CreateClient();

        // The token of the first run still works (same Data Protection keys, session persisted active) ...
        var me = await (await again.GetAsync("/api/accounts/me", kept.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(accountId, (string)me["accountId"]!);
        Assert.Equal(4_200, (await again.BalanceAsync(kept.Access)).Long("availableMinor"));

        // ... the session that logged out stays ended, and the account and its name are kept.
        await (await again.GetAsync("/api/accounts/me", ended.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "session has ended");
        await (await again.PostJsonAsync("/api/accounts/register", new { username = "alice", password = Rest.Password })).ExpectProblemAsync(HttpStatusCode.Conflict);
        var fresh = await again.LoginAsync("alice");
        var history = await (await again.GetAsync("/api/wallet/transactions", fresh.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("deposit-confirmed", (string)history["items"]![0]!["kind"]!);

        // A refresh token spent before the restart is still spent after it.
        var rotated = Tokens.From(await (await again.RefreshAsync(kept.Refresh)).ExpectAsync(HttpStatusCode.OK));
        await (await again.RefreshAsync(kept.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "already used");
        await (await again.GetAsync("/api/accounts/me", rotated.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(File.Exists(Path.Combine(_directory, "livecasino.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_directory, "keys"), "key-*.xml"));
    }
}
