using System.Globalization;
using System.Security.Claims;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Hubs;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.ReadSide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>
/// GET /api/me/bets: my bets across every table, from my wallet's history (read side, caught up
/// first). The wallet is the source because it is the one place that holds all of a player's bets
/// with the money they moved: each reservation names its table, round and bet, and its settlement
/// or void follows it. A table keeps only its recent rounds, and its round records hold every
/// player's bets, so finding mine there would mean scanning every table's journal.
/// </summary>
public static class BetHistoryEndpoints
{
    /// <summary>Bets one page holds at most.</summary>
    public const int PageSizeMax = 100;

    /// <summary>Pages a client may ask for; the wallet read side keeps a bounded history anyway.</summary>
    public const int PageMax = 10_000;

    public static void MapBetHistoryEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Bets").RequireAuthorization(AuthPolicies.Player).RequireRateLimiting(RateLimitPolicies.Api);
        me.MapGet("/bets", BetsAsync).WithSummary("My bets, newest first, by pages (page from 1): stake, payout and status, with their table, round and bet.");
    }

    private static async Task<Results<Ok<BetHistoryResponse>, ProblemHttpResult>> BetsAsync(
        ClaimsPrincipal user, WalletRuntime wallets, IOptions<WalletApiOptions> options, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (page < 1 || page > PageMax)
        {
            return Problems.BadRequest($"page must be 1 to {PageMax}");
        }

        if (pageSize < 1 || pageSize > PageSizeMax)
        {
            return Problems.BadRequest($"pageSize must be 1 to {PageSizeMax}");
        }

        var projection = await wallets.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        var bets = Collect(projection, user.AccountIdOf()!, Math.Max(1, options.Value.HistoryPageSizeMax));
        var skip = (long)(page - 1) * pageSize;
        var items = bets.Skip((int)Math.Min(skip, bets.Count)).Take(pageSize).ToList();
        return TypedResults.Ok(new BetHistoryResponse(items, page, pageSize, skip + items.Count < bets.Count));
    }

    /// <summary>Every bet in the player's kept wallet history, newest first; a settlement whose reservation was trimmed away is left out.</summary>
    private static List<BetHistoryItem> Collect(WalletLedgerProjection projection, string player, int readPage)
    {
        var byReservation = new Dictionary<string, BetHistoryItem>(StringComparer.Ordinal);
        var placedSequence = new Dictionary<string, long>(StringComparer.Ordinal);
        var resolutions = new List<WalletTransaction>();
        long? before = null;
        do
        {
            var history = projection.History(player, readPage, before);
            foreach (var t in history.Items)
            {
                if (t.TransferId is null)
                {
                    continue;
                }

                if (t.Kind == "bet-reserved")
                {
                    var (table, round, bet) = ParseReference(t.Detail);
                    byReservation[t.TransferId] = new BetHistoryItem(
                        t.TransferId, table, round, table is not null && round is { } r ? Views.RoundId(table, r) : null, bet, "reserved",
                        -t.AvailableDelta, null, null, t.At, null, null);
                    placedSequence[t.TransferId] = t.SequenceNr;
                }
                else if (t.Kind is "bet-settled" or "bet-voided" or "bet-reservation-expired")
                {
                    resolutions.Add(t);
                }
            }

            before = history.NextBeforeSequenceNr;
        }
        while (before is not null);

        foreach (var t in resolutions.OrderBy(t => t.SequenceNr))
        {
            if (!byReservation.TryGetValue(t.TransferId!, out var bet))
            {
                continue;
            }

            byReservation[t.TransferId!] = t.Kind switch
            {
                // Settling moves the stake from pending to posted and credits the payout, so what became available is the payout.
                "bet-settled" => bet with { Status = "settled", PayoutMinor = t.AvailableDelta, NetMinor = t.AvailableDelta - bet.StakeMinor, ResolvedAt = t.At },
                "bet-voided" => bet with { Status = "voided", PayoutMinor = 0, NetMinor = 0, ResolvedAt = t.At, Detail = t.Detail },
                _ => bet with { Status = "expired", PayoutMinor = 0, NetMinor = 0, ResolvedAt = t.At },
            };
        }

        // The wallet's own order (sequence numbers), not the clock: bets of one instant keep their order.
        return [.. byReservation.Values.OrderByDescending(b => placedSequence[b.ReservationId])];
    }

    /// <summary>"{table}/round-{n}/bet-{betId}" (the tables' wallet reference); nulls for anything else.</summary>
    internal static (string? Table, long? Round, string? Bet) ParseReference(string? reference)
    {
        const string RoundPart = "/round-", BetPart = "/bet-";
        var r = reference?.IndexOf(RoundPart, StringComparison.Ordinal) ?? -1;
        var b = r < 0 ? -1 : reference!.IndexOf(BetPart, r + RoundPart.Length, StringComparison.Ordinal);
        if (b < 0 || !long.TryParse(reference.AsSpan(r + RoundPart.Length, b - r - RoundPart.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var round))
        {
            return (null, null, null);
        }

        return (reference![..r], round, reference[(b + BetPart.Length)..]);
    }
}
