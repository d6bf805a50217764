using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/operator/tables, operators only: create or reconfigure a table, and list the node's tables
/// with their configuration. The tables engine has no open/closed state of its own: a table is
/// open (listed in the lobby, woken at start-up) once it is configured, and its rounds are opened
/// by its studio's dealer console; a configuration change is taken between rounds only.
/// </summary>
public static class OperatorTableEndpoints
{
    public static void MapOperatorTableEndpoints(this IEndpointRouteBuilder api)
    {
        var tables = api.MapGroup("/operator/tables").WithTags("Operator").RequireAuthorization(AuthPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Api);
        tables.MapGet("/", List).WithSummary("Every table of the node with its phase, round and configuration.");
        tables.MapGet("/{tableId}", StateAsync).WithSummary("The table entity's own state, asked wherever it runs; 503 while it does not answer (a failover).");
        tables.MapPut("/{tableId}", PutAsync)
            .WithSummary("Create a table, or change one between rounds: studio, game, currency, paytable, limits, betting window, stream URLs. 201 when new.");
    }

    private static Ok<IReadOnlyList<OperatorTableItem>> List(TablesRuntime runtime) =>
        TypedResults.Ok<IReadOnlyList<OperatorTableItem>>([.. runtime.Listings.Select(l => Item(l, runtime))]);

    /// <summary>How long the state endpoint waits for the table entity.</summary>
    public static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(3);

    private static async Task<Results<Ok<OperatorTableState>, ProblemHttpResult>> StateAsync(string tableId, TablesRuntime runtime, CancellationToken cancellationToken)
    {
        if (!Tables.Configuration.TableIds.IsValid(tableId) || runtime.Feed(tableId) is null)
        {
            return Problems.NotFound($"no table {tableId}");
        }

        try
        {
            var s = await runtime.Tables.AskAsync<TableSnapshot>(tableId, new TableCommand.GetSnapshot(), StateTimeout, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new OperatorTableState(
                s.TableId, TableConfigMapping.Name(s.Phase), s.RoundNo, s.SequenceNr, s.ClosesAt, s.ServerNow, s.BetsThisRound, s.StakeThisRound,
                s.PendingWalletOperations, s.FailedWalletOperations, s.ChainIntact));
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Problems.Unavailable($"table {tableId} did not answer within {StateTimeout.TotalSeconds:0} s (it may be moving to another node; try again)");
        }
    }

    private static async Task<Results<Created<OperatorTableItem>, Ok<OperatorTableItem>, ProblemHttpResult>> PutAsync(
        string tableId, TableConfigBody body, TablesRuntime runtime, System.Security.Claims.ClaimsPrincipal user, IOptions<Options.WalletApiOptions> wallet, CancellationToken cancellationToken)
    {
        if (!Tables.Configuration.TableIds.IsValid(tableId))
        {
            return Problems.BadRequest($"tableId must be 1-{Tables.Configuration.TableIds.LengthMax} letters, digits, '-', '_' or '.'");
        }

        if (TableConfigMapping.TryBuild(body, out var problem) is not { } config)
        {
            return Problems.BadRequest(problem!);
        }

        // Stakes are reserved in the player's wallet, which holds one currency.
        if (!string.Equals(config.Currency, wallet.Value.Currency, StringComparison.Ordinal))
        {
            return Problems.BadRequest($"currency: the wallets of this node hold {wallet.Value.Currency}, a table cannot take {config.Currency}");
        }

        var feed = runtime.Feed(tableId);
        var existed = feed is not null;

        // The table is the authority (it refuses a change mid-round), but the catalog is written
        // first: refusing here as well keeps a mid-round change from moving the lobby listing.
        if (feed?.View.Phase is RoundPhase.BettingOpen or RoundPhase.BettingClosed or RoundPhase.Dealing or RoundPhase.ResultConfirmed)
        {
            return Problems.Conflict($"roundInProgress: round {feed.View.RoundNo} of {tableId} is running; configure between rounds");
        }

        var reply = await runtime.ConfigureAsync(tableId, config, "operator:" + user.AccountIdOf(), cancellationToken).ConfigureAwait(false);
        switch (reply)
        {
            case TableReply.CommandAccepted:
                var item = Item(new TableListing(tableId, config.StudioId, config.Game), runtime) with { Config = TableConfigMapping.ToBody(config) };
                return existed ? TypedResults.Ok(item) : TypedResults.Created($"/api/operator/tables/{tableId}", item);
            case TableReply.CommandRejected { Reason: TableRejection.Invalid or TableRejection.InvalidConfig } r:
                return Problems.BadRequest(r.Detail);
            case TableReply.CommandRejected r:
                return Problems.Conflict($"{TableConfigMapping.Name(r.Reason)}: {r.Detail}");
            default:
                return Problems.Unavailable($"the table answered {reply.GetType().Name}");
        }
    }

    private static OperatorTableItem Item(TableListing listing, TablesRuntime runtime)
    {
        var view = runtime.Feed(listing.TableId)?.View;
        return new OperatorTableItem(
            listing.TableId, listing.StudioId, TableConfigMapping.Name(listing.Game), TableConfigMapping.Name(view?.Phase ?? RoundPhase.None), view?.RoundNo ?? 0,
            view?.Config is { } c ? TableConfigMapping.ToBody(c) : null);
    }
}
