using System.Net;
using LiveCasino.Server.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests;

/// <summary>Deposits and withdrawals over REST through the in-process simulated provider and its signed webhooks.</summary>
public sealed class WalletApiTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static async Task<long> AvailableWhenSettledAsync(HttpClient client, string token, long expected, string what)
    {
        long available = -1;
        await Eventually.TrueAsync(
            () =>
            {
                var b = client.BalanceAsync(token).GetAwaiter().GetResult();
                available = b.Long("availableMinor");
                return available == expected && b.Long("pendingCreditsMinor") == 0 && b.Long("pendingDebitsMinor") == 0;
            },
            what,
            Patience);
        return available;
    }

    [Fact]
    public async Task A_deposit_then_balance_and_history_then_a_withdrawal()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("alice");
        var deposit = new { operationId = "dep-1", amountMinor = 5_000, currency = "EUR", channel = "card" };
        var accepted = await client.PostJsonAsync("/api/wallet/deposits", deposit, player.Access);
        var body = await accepted.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("/api/wallet/payments/dep-1", accepted.Headers.Location?.ToString());
        Assert.Contains((string)body["state"]!, new[] { "awaiting_provider", "completed" });

        await AvailableWhenSettledAsync(client, player.Access, 5_000, "the deposit's webhook credited 5,000");
        var status = await (await client.GetAsync("/api/wallet/payments/dep-1", player.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("completed", (string)status["state"]!);

        // A retry of the same request is answered again and moves nothing.
        await (await client.PostJsonAsync("/api/wallet/deposits", deposit, player.Access)).ExpectAsync(HttpStatusCode.Accepted);
        await (await client.PostJsonAsync("/api/wallet/deposits", deposit with { amountMinor = 6_000 }, player.Access)).ExpectProblemAsync(HttpStatusCode.Conflict, "dep-1");

        var withdrawal = new { operationId = "wd-1", amountMinor = 2_000, currency = "EUR", channel = "bank_transfer" };
        await (await client.PostJsonAsync("/api/wallet/withdrawals", withdrawal, player.Access)).ExpectAsync(HttpStatusCode.Accepted);
        await AvailableWhenSettledAsync(client, player.Access, 3_000, "the withdrawal paid out 2,000");
        var tooMuch = new { operationId = "wd-2", amountMinor = 3_001, currency = "EUR", channel = "card" };
        await (await client.PostJsonAsync("/api/wallet/withdrawals", tooMuch, player.Access)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "InsufficientFunds");

        var history = await (await client.GetAsync("/api/wallet/transactions?pageSize=3", player.Access)).ExpectAsync(HttpStatusCode.OK);
        var kinds = history["items"]!.AsArray().Select(i => (string)i!["kind"]!).ToList();
        Assert.Equal(["withdrawal-confirmed", "withdrawal-requested", "deposit-confirmed"], kinds);
        Assert.Equal(3_000, (long)history["items"]![0]!["availableAfterMinor"]!);
        var older = await (await client.GetAsync($"/api/wallet/transactions?pageSize=3&before={(long)history["nextBefore"]!}", player.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["deposit-begun"], older["items"]!.AsArray().Select(i => (string)i!["kind"]!).ToList());
        Assert.Null(older["nextBefore"]);
        Assert.Equal(3_000, (await client.BalanceAsync(player.Access)).Long("availableMinor"));
    }

    [Fact]
    public async Task A_player_sees_only_their_own_payments()
    {
        var client = _server.CreateClient();
        var alice = await client.RegisterAndLoginAsync("alice");
        var bob = await client.RegisterAndLoginAsync("bob");
        await (await client.PostJsonAsync("/api/wallet/deposits", new { operationId = "same-id", amountMinor = 100, currency = "EUR", channel = "card" }, alice.Access))
            .ExpectAsync(HttpStatusCode.Accepted);
        await (await client.GetAsync("/api/wallet/payments/same-id", bob.Access)).ExpectProblemAsync(HttpStatusCode.NotFound);

        // The same client id used by another player is another payment, not a conflict.
        await (await client.PostJsonAsync("/api/wallet/deposits", new { operationId = "same-id", amountMinor = 200, currency = "EUR", channel = "card" }, bob.Access))
            .ExpectAsync(HttpStatusCode.Accepted);
        await AvailableWhenSettledAsync(client, bob.Access, 200, "bob's own deposit");
        await AvailableWhenSettledAsync(client, alice.Access, 100, "alice's own deposit");
    }

    [Fact]
    public async Task The_operator_reconciles_the_providers_report_with_the_wallet_journal()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("carol");
        for (var i = 1; i <= 3; i++)
        {
            await (await client.PostJsonAsync("/api/wallet/deposits", new { operationId = $"d{i}", amountMinor = 1_000 * i, currency = "EUR", channel = "e_wallet" }, player.Access))
                .ExpectAsync(HttpStatusCode.Accepted);
        }

        await AvailableWhenSettledAsync(client, player.Access, 6_000, "three deposits credited");
        var op = (await client.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;
        var report = await (await client.SendAsync(HttpMethod.Post, "/api/operator/reconciliation", op)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((3, 3, true), ((int)report["payments"]!, (int)report["matched"]!, (bool)report["clean"]!));
        Assert.Contains("3 payments: 3 matched", (string)report["table"]!, StringComparison.Ordinal);

        // An uploaded report with a payment the ledger never saw is flagged.
        var csv = await (await client.SendAsync(HttpMethod.Post, "/api/operator/reconciliation?format=text", op)).Content.ReadAsStringAsync();
        Assert.Contains("3 matched", csv, StringComparison.Ordinal);
        var simulator = _server.Services.GetService(typeof(LiveCasino.Server.Payments.PaymentsRuntime)) as LiveCasino.Server.Payments.PaymentsRuntime;
        var upload = simulator!.Simulator!.SettlementReportCsv().TrimEnd('\n', '\r')
            + "\npsp_dep_99999999,dep-ghost,p-ghost,deposit,500,EUR,completed,2026-01-01T12:00:00.000Z\n";
        var flagged = await (await client.PostRawAsync("/api/operator/reconciliation", upload, op, "text/csv")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((4, 3, 1, false), ((int)flagged["payments"]!, (int)flagged["matched"]!, (int)flagged["needingAttention"]!, (bool)flagged["clean"]!));
        Assert.Equal("missing in ledger", (string)flagged["discrepancies"]![0]!["result"]!);
    }
}
