using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Options;
using LiveCasino.Server.Payments;
using LiveCasino.Server.Security;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/wallet, players only, always the caller's own wallet: balance (write side, exact),
/// history (read side, caught up first), deposits and withdrawals through the payments service.
/// Every input is checked before anything moves; a refusal changes nothing.
/// </summary>
public static partial class WalletEndpoints
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ClientOperationId();

    public static void MapWalletEndpoints(this IEndpointRouteBuilder api)
    {
        var wallet = api.MapGroup("/wallet").WithTags("Wallet").RequireAuthorization(AuthPolicies.Player).RequireRateLimiting(RateLimitPolicies.Api);
        wallet.MapGet("/", BalanceAsync).WithSummary("The balance of my wallet.");
        wallet.MapGet("/transactions", HistoryAsync).WithSummary("My transactions, newest first, by pages.");
        wallet.MapPost("/deposits", (PaymentBody body, ClaimsPrincipal user, WalletRuntime wallets, PaymentsRuntime payments, IOptions<WalletApiOptions> o, HttpContext http, CancellationToken ct) =>
                PayAsync(PaymentKind.Deposit, body, user, wallets, payments, o.Value, http, ct))
            .WithSummary("Deposit through the payment provider; the outcome arrives by webhook.");
        wallet.MapPost("/withdrawals", (PaymentBody body, ClaimsPrincipal user, WalletRuntime wallets, PaymentsRuntime payments, IOptions<WalletApiOptions> o, HttpContext http, CancellationToken ct) =>
                PayAsync(PaymentKind.Withdrawal, body, user, wallets, payments, o.Value, http, ct))
            .WithSummary("Withdraw: the amount is reserved at once and paid out by the provider.");
        wallet.MapGet("/payments/{operationId}", (string operationId, ClaimsPrincipal user, PaymentsRuntime payments) => Find(operationId, user, payments))
            .WithSummary("Where one of my deposits or withdrawals stands.");
    }

    private static async Task<Ok<BalanceResponse>> BalanceAsync(ClaimsPrincipal user, WalletRuntime wallets, IOptions<WalletApiOptions> options, CancellationToken cancellationToken)
    {
        var reply = await wallets.Directory.AskAsync(user.AccountIdOf()!, new GetBalance("balance"), cancellationToken).ConfigureAwait(false);
        var b = reply.Balance;
        var currency = string.IsNullOrEmpty(b.Currency) ? options.Value.Currency : b.Currency;
        return TypedResults.Ok(new BalanceResponse(currency, b.Available, b.Posted, b.CreditsPending, b.DebitsPending));
    }

    private static async Task<Results<Ok<TransactionsResponse>, ProblemHttpResult>> HistoryAsync(
        ClaimsPrincipal user, WalletRuntime wallets, IOptions<WalletApiOptions> options, CancellationToken cancellationToken, int pageSize = 20, long? before = null)
    {
        var max = options.Value.HistoryPageSizeMax;
        if (pageSize < 1 || pageSize > max)
        {
            return Problems.BadRequest($"pageSize must be 1 to {max}");
        }

        if (before is < 1)
        {
            return Problems.BadRequest("before must be a positive sequence number (the nextBefore of the previous page)");
        }

        var projection = await wallets.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        var page = projection.History(user.AccountIdOf()!, pageSize, before);
        var items = page.Items.Select(t => new TransactionItem(
            t.SequenceNr, t.At, t.Kind, t.OperationId, t.Detail, t.PostedDelta, t.AvailableDelta, t.PostedAfter, t.AvailableAfter)).ToList();
        return TypedResults.Ok(new TransactionsResponse(items, page.NextBeforeSequenceNr));
    }

    private static async Task<Results<Accepted<PaymentResponse>, ProblemHttpResult>> PayAsync(
        PaymentKind kind, PaymentBody body, ClaimsPrincipal user, WalletRuntime wallets, PaymentsRuntime payments, WalletApiOptions options, HttpContext http, CancellationToken cancellationToken)
    {
        var max = kind == PaymentKind.Deposit ? options.DepositMinorMax : options.WithdrawalMinorMax;
        if (!ClientOperationId().IsMatch(body.OperationId))
        {
            return Problems.BadRequest("operationId must be 1 to 64 characters: letters, digits, '_' or '-'");
        }

        if (body.AmountMinor < 1 || body.AmountMinor > max)
        {
            return Problems.BadRequest($"amountMinor must be a whole number of minor units from 1 to {max}");
        }

        if (!string.Equals(body.Currency, options.Currency, StringComparison.Ordinal))
        {
            return Problems.BadRequest($"currency must be {options.Currency}, the wallet's currency");
        }

        if (!WireNames.TryParse(body.Channel, out PaymentChannel channel))
        {
            return Problems.BadRequest("channel must be card, bank_transfer or e_wallet");
        }

        var player = user.AccountIdOf()!;
        var request = new PaymentRequest(OperationIdOf(kind, player, body.OperationId), player, new Money(body.AmountMinor, body.Currency), channel);
        if (payments.Service.Find(request.OperationId) is { } earlier && (earlier.Kind != kind || earlier.Request != request))
        {
            return Problems.Conflict($"operationId {body.OperationId} was already used for another payment");
        }

        if (kind == PaymentKind.Deposit)
        {
            await wallets.Directory.AskAsync(player, new OpenWallet(AccountEndpoints.OpenWalletOperation, options.Currency), cancellationToken).ConfigureAwait(false);
        }

        var record = kind == PaymentKind.Deposit
            ? await payments.Service.DepositAsync(request, cancellationToken).ConfigureAwait(false)
            : await payments.Service.WithdrawAsync(request, cancellationToken).ConfigureAwait(false);
        var response = Response(record, body.OperationId);
        return record.State switch
        {
            PaymentState.WalletRejected when record.Detail.StartsWith(nameof(WalletRejection.Conflict), StringComparison.Ordinal)
                => Problems.Conflict($"operationId {body.OperationId} was already used for another payment"),
            PaymentState.WalletRejected or PaymentState.ProviderRejected => Problems.Unprocessable(record.Detail),
            PaymentState.WalletUnavailable or PaymentState.SubmitFailed => Unavailable(http, record),
            _ => TypedResults.Accepted($"/api/wallet/payments/{body.OperationId}", response),
        };
    }

    private static Results<Ok<PaymentResponse>, ProblemHttpResult> Find(string operationId, ClaimsPrincipal user, PaymentsRuntime payments)
    {
        if (!ClientOperationId().IsMatch(operationId))
        {
            return Problems.BadRequest("operationId must be 1 to 64 characters: letters, digits, '_' or '-'");
        }

        var player = user.AccountIdOf()!;
        foreach (var kind in new[] { PaymentKind.Deposit, PaymentKind.Withdrawal })
        {
            if (payments.Service.Find(OperationIdOf(kind, player, operationId)) is { } record && record.Request.PlayerId == player)
            {
                return TypedResults.Ok(Response(record, operationId));
            }
        }

        return Problems.NotFound($"no payment {operationId} of yours is tracked (the list is kept in memory since the last start)");
    }

    /// <summary>Globally unique, so the provider's idempotency key of one player's payment never meets another's.</summary>
    internal static string OperationIdOf(PaymentKind kind, string player, string clientId) =>
        (kind == PaymentKind.Deposit ? "dep-" : "wd-") + player + "-" + clientId;

    private static ProblemHttpResult Unavailable(HttpContext http, PaymentRecord record)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problems.Unavailable($"{record.Detail}; the payment is held ({StateName(record.State)}) and an operator will finish it; repeating the same request is safe");
    }

    private static PaymentResponse Response(PaymentRecord r, string clientId) => new(
        clientId, WireNames.Of(r.Kind), StateName(r.State), r.Request.Amount.Minor, r.Request.Amount.Currency, WireNames.Of(r.Request.Channel), r.ProviderReference, r.Detail, r.UpdatedAt);

    internal static string StateName(PaymentState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
