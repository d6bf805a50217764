using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveCasino.Persistence.Stores;
using LiveCasino.Tables.Serialization;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/tables: the lobby (what the player hub's ListTables answers), a table's round history and
/// one round in full for disputes. History and records are read from the table's journal through
/// its record seals and checked against the hash chain, so what a player is shown is what was sealed.
/// </summary>
public static class TableEndpoints
{
    /// <summary>Rounds one history page holds at most; a larger limit is refused, not cut.</summary>
    public const int RoundsPageMax = 100;

    public static void MapTableEndpoints(this IEndpointRouteBuilder api)
    {
        var tables = api.MapGroup("/tables").WithTags("Tables").RequireRateLimiting(RateLimitPolicies.Api);
        tables.MapGet("/", (EdgeHost edge) => TypedResults.Ok(edge.Lobby(null)))
            .RequireAuthorization(AuthPolicies.Player)
            .WithSummary("The lobby: every table with its live phase, time left, viewers, last results, limits and stream (as the player hub's ListTables).");

        // Players read rounds for their disputes, operators for everyone's.
        var records = tables.MapGroup("/{tableId}/rounds").RequireAuthorization(p => p
            .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Player, Roles.Operator));
        records.MapGet("/", HistoryAsync).WithSummary("The table's sealed rounds, newest first, by pages (before: a round number; limit: 1-100).");
        records.MapGet("/{roundNo:long}", RoundAsync)
            .WithSummary("One round in full for a dispute: every recorded event with server and studio time, its seals, and whether the hash chain verifies.");
    }

    private static async Task<Results<Ok<RoundHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        string tableId, TablesRuntime runtime, Akka.Actor.ActorSystem engine, CancellationToken cancellationToken, long? before = null, int limit = 20)
    {
        if (Unknown(tableId, runtime) is { } problem)
        {
            return problem;
        }

        if (limit < 1 || limit > RoundsPageMax)
        {
            return Problems.BadRequest($"limit must be 1 to {RoundsPageMax}");
        }

        if (before is < 1)
        {
            return Problems.BadRequest("before must be a round number of 1 or more (the nextBefore of the previous page)");
        }

        var journal = (await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Journal;
        var seals = await RoundRecords.SealsAsync(journal, tableId, cancellationToken).ConfigureAwait(false);
        var rounds = seals
            .Where(s => before is not { } b || s.Seal.RoundNo < b)
            .GroupBy(s => s.Seal.RoundNo)
            .OrderByDescending(g => g.Key)
            .Take(limit + 1)
            .ToList();
        var items = rounds.Take(limit).Select(g =>
        {
            var ordered = g.OrderBy(s => s.SealSequenceNr).ToList();
            var first = ordered[0].Seal;
            return new RoundHistoryItem(Views.RoundId(tableId, g.Key), g.Key, first.ServerAt, first.Events, first.Hash, [.. ordered.Select(Seal)]);
        }).ToList();
        return TypedResults.Ok(new RoundHistoryResponse(tableId, items, rounds.Count > limit ? items[^1].RoundNo : null));
    }

    private static async Task<Results<Ok<RoundRecordResponse>, ProblemHttpResult>> RoundAsync(
        string tableId, long roundNo, TablesRuntime runtime, Akka.Actor.ActorSystem engine, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Unknown(tableId, runtime) is { } problem)
        {
            return problem;
        }

        if (roundNo < 1)
        {
            return Problems.BadRequest("roundNo must be 1 or more");
        }

        var journal = (await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Journal;
        var record = await RoundRecords.ReadAsync(journal, tableId, roundNo, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.NotFound($"round {roundNo} of table {tableId} is not sealed (not played, or still running)");
        }

        // A player disputes their own bets; the other players at the table are none of their business.
        var viewer = user.IsInRole(Roles.Operator) ? null : user.AccountIdOf();
        var events = record.Events.Select(e => new RoundEventView(e.SequenceNr, e.Manifest, e.ServerAt, e.StudioAt, AsJson(e, viewer))).ToList();
        var breaks = record.Breaks.Select(b => new ChainBreakView(TableConfigMapping.Name(b.Kind), b.RoundNo, b.SequenceNr, b.Detail)).ToList();
        return TypedResults.Ok(new RoundRecordResponse(
            tableId, roundNo, Views.RoundId(tableId, roundNo), record.Verified, viewer is not null, [.. record.Seals.Select(Seal)], events, breaks));
    }

    /// <summary>400 for an id that cannot be a table, 404 for one this node does not run; null if the table is known.</summary>
    internal static ProblemHttpResult? Unknown(string tableId, TablesRuntime runtime)
    {
        if (!TableIds.IsValid(tableId))
        {
            return Problems.BadRequest($"tableId must be 1-{TableIds.LengthMax} letters, digits, '-', '_' or '.'");
        }

        return runtime.Feed(tableId) is null ? Problems.NotFound($"no table {tableId} on this node") : null;
    }

    private static SealView Seal(RecordSeal s) => new(
        TableConfigMapping.Name(s.Seal.Kind), s.SealSequenceNr, s.Seal.FirstSequenceNr, s.Seal.LastSequenceNr, s.Seal.Events,
        s.Seal.ServerAt, s.Seal.StudioAt, s.Seal.Hash, s.Seal.PreviousHash);

    /// <summary>
    /// The event as the JSON the record hash covers (the journal serializer's); for a player
    /// (<paramref name="viewer"/> not null) every other player's id is replaced.
    /// </summary>
    private static JsonElement AsJson(RecordEntry entry, string? viewer)
    {
        var payload = TableSerialization.Payload(entry.Event);
        if (viewer is not null && JsonNode.Parse(payload.Bytes.Span) is { } node)
        {
            Mask(node, viewer);
            using var masked = JsonDocument.Parse(node.ToJsonString());
            return masked.RootElement.Clone();
        }

        using var document = JsonDocument.Parse(payload.Bytes);
        return document.RootElement.Clone();
    }

    private static void Mask(JsonNode node, string viewer)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (name == PlayerIdMember && value is JsonValue v && v.TryGetValue<string>(out var id) && id != viewer)
                    {
                        o[name] = AnotherPlayer;
                    }
                    else if (value is not null)
                    {
                        Mask(value, viewer);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Mask(item, viewer);
                    }
                }

                break;
        }
    }

    private const string PlayerIdMember = "PlayerId";

    private const string AnotherPlayer = "another player";
}
