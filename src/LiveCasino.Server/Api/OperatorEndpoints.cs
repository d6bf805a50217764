using System.Text;
using LiveCasino.Persistence.Stores;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Options;
using LiveCasino.Server.Payments;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/operator, operators only: dealer console credentials, reconciliation of the provider's
/// settlement report with the wallet journal, and payments waiting for an operator.
/// </summary>
public static partial class OperatorEndpoints
{
    public static void MapOperatorEndpoints(this IEndpointRouteBuilder api)
    {
        var reportMax = api.ServiceProvider.GetRequiredService<IOptions<HttpEdgeOptions>>().Value.ReconciliationReportBytesMax;
        var ops = api.MapGroup("/operator").WithTags("Operator").RequireAuthorization(AuthPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Api);
        ops.MapPost("/consoles", CreateConsoleAsync).WithSummary("Create a dealer console for a studio; answers its API key once.");
        ops.MapGet("/consoles", ListConsolesAsync).WithSummary("Every console, from the journal.");
        ops.MapPost("/consoles/{consoleId}/rotate", RotateAsync).WithSummary("A new API key; the old one and its sessions stop working.");
        ops.MapDelete("/consoles/{consoleId}", DisableAsync).WithSummary("Revoke a console for good; its sessions end.");
        ops.MapPost("/reconciliation", ReconcileAsync).WithMetadata(new BodyLimit(reportMax))
            .WithSummary("Reconcile the provider's settlement report (uploaded as text/csv, or fetched from the provider) with the wallet journal.");
        ops.MapGet("/ledger/trial-balance", TrialBalanceAsync).WithSummary("The ledger-wide trial balance, read from the journal up to now: balanced or not.");
        ops.MapGet("/payments/stuck", Stuck).WithSummary("Payments holding money that the provider does not have.");
        ops.MapPost("/payments/{operationId}/resubmit", ResubmitAsync).WithSummary("Run a stuck payment again (idempotent).");
    }

    private static async Task<Ok<TrialBalanceResponse>> TrialBalanceAsync(Wallets.WalletRuntime wallets, CancellationToken cancellationToken)
    {
        var trial = (await wallets.CatchUpAsync(cancellationToken).ConfigureAwait(false)).TrialBalance();
        return TypedResults.Ok(new TrialBalanceResponse(
            trial.IsBalanced, trial.DebitsPosted, trial.CreditsPosted, trial.DebitsPending, trial.CreditsPending, trial.Wallets,
            [.. trial.Lines.Select(l => new TrialBalanceLineItem(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(l.Account.ToString()), l.Totals.DebitsPosted, l.Totals.CreditsPosted, l.Totals.DebitsPending, l.Totals.CreditsPending))]));
    }

    private static async Task<Results<Created<ConsoleKeyResponse>, ProblemHttpResult>> CreateConsoleAsync(
        CreateConsoleRequest request, ConsoleCredentials consoles, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidStudio(request.StudioId))
        {
            return Problems.BadRequest("studioId " + LoginNames.StudioRule);
        }

        var key = await consoles.CreateAsync(request.StudioId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/operator/consoles/{key.ConsoleId}", new ConsoleKeyResponse(key.ConsoleId, key.StudioId, key.ApiKey));
    }

    private static async Task<Ok<IReadOnlyList<ConsoleItem>>> ListConsolesAsync(ConsoleCredentials consoles, CancellationToken cancellationToken)
    {
        var list = await consoles.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ConsoleItem>>([.. list.Select(c => new ConsoleItem(c.ConsoleId, c.StudioId, c.CreatedAt, c.KeyRotatedAt, c.Disabled))]);
    }

    private static async Task<Results<Ok<ConsoleKeyResponse>, ProblemHttpResult>> RotateAsync(string consoleId, ConsoleCredentials consoles, CancellationToken cancellationToken)
    {
        var key = await consoles.RotateAsync(consoleId, cancellationToken).ConfigureAwait(false);
        return key is null ? Problems.NotFound($"no active console {consoleId}") : TypedResults.Ok(new ConsoleKeyResponse(key.ConsoleId, key.StudioId, key.ApiKey));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string consoleId, ConsoleCredentials consoles, CancellationToken cancellationToken) =>
        await consoles.DisableAsync(consoleId, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : Problems.NotFound($"no console {consoleId}");

    private static async Task<Results<Ok<ReconciliationResponse>, ContentHttpResult, ProblemHttpResult>> ReconcileAsync(
        HttpRequest request, PaymentsRuntime payments, Akka.Actor.ActorSystem engine, CancellationToken cancellationToken, string? format = null)
    {
        if (format is not (null or "json" or "text"))
        {
            return Problems.BadRequest("format must be json or text");
        }

        string csv, source;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Problems.BadRequest("upload the settlement report as text/csv, or send no body to fetch it from the provider");
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            csv = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            source = "uploaded report";
        }
        else if (payments.ProviderBaseAddress is { } provider)
        {
            try
            {
                csv = await payments.Http.GetStringAsync(new Uri(provider, "v1/settlement-report.csv"), cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                return Problems.Unavailable("the provider's settlement report could not be fetched: " + e.Message);
            }

            source = "provider " + provider;
        }
        else
        {
            return Problems.Unavailable("payments are not started");
        }

        IReadOnlyList<SettlementRow> rows;
        try
        {
            rows = SettlementReportParser.Parse(csv);
        }
        catch (SettlementReportFormatException e)
        {
            return Problems.BadRequest("the settlement report is malformed: " + e.Message);
        }

        var store = await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var report = await Reconciler.ReconcileAsync(rows, new WalletJournalPaymentRecords(store.Journal), cancellationToken).ConfigureAwait(false);
        using var table = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ReconciliationTable.Write(table, report);
        if (format == "text")
        {
            return TypedResults.Text(table.ToString(), "text/plain; charset=utf-8");
        }

        var items = report.Lines.Where(l => !l.Matched).Select(l => new ReconciliationItem(
            l.OperationId, ReconciliationTable.Describe(l.Discrepancies), l.NeedsAttention, l.Provider?.PlayerId ?? l.Ledger?.PlayerId,
            l.Provider is { } pk ? WireNames.Of(pk.Kind) : l.Ledger is { } lk ? WireNames.Of(lk.Kind) : null,
            l.Provider?.ProviderReference, l.Provider?.AmountMinor, l.Provider is { } ps ? WireNames.Of(ps.Status) : null,
            l.Ledger?.Amount.Minor, l.Ledger is { } ls ? WireNames.Of(ls.Status) : null)).ToList();
        return TypedResults.Ok(new ReconciliationResponse(
            source, report.Lines.Count, report.Matched, report.NeedingAttention, report.Clean, ReconciliationTable.Summary(report), items, table.ToString()));
    }

    private static Ok<IReadOnlyList<StuckPaymentItem>> Stuck(PaymentsRuntime payments) =>
        TypedResults.Ok<IReadOnlyList<StuckPaymentItem>>([.. payments.Service.NeedingOperator.Select(r => new StuckPaymentItem(
            r.OperationId, r.Request.PlayerId, WireNames.Of(r.Kind), WalletEndpoints.StateName(r.State), r.Request.Amount.Minor, r.Request.Amount.Currency,
            r.SubmitAttempts, r.Detail, r.UpdatedAt))]);

    private static async Task<Results<Ok<StuckPaymentItem>, ProblemHttpResult>> ResubmitAsync(string operationId, PaymentsRuntime payments, CancellationToken cancellationToken)
    {
        if (payments.Service.Find(operationId) is null)
        {
            return Problems.NotFound($"no payment {operationId} is tracked");
        }

        var r = await payments.Service.ResubmitAsync(operationId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new StuckPaymentItem(
            r.OperationId, r.Request.PlayerId, WireNames.Of(r.Kind), WalletEndpoints.StateName(r.State), r.Request.Amount.Minor, r.Request.Amount.Currency, r.SubmitAttempts, r.Detail, r.UpdatedAt));
    }
}
