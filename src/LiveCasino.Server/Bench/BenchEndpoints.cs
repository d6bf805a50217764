using System.Net;
using LiveCasino.Server.Edge;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Bench;

/// <summary>
/// <c>/bench/*</c>, mapped only when <see cref="BenchOptions.Enabled"/> and answered to loopback
/// callers only: tables, players, rounds and synthetic emission for the load harness (bench/load).
/// </summary>
public static class BenchEndpoints
{
    public const string TablePrefix = "bench-";

    /// <summary>Registers the bench services and maps the endpoints when the section enables them.</summary>
    public static WebApplication MapLiveCasinoBench(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(BenchOptions.Section).Get<BenchOptions>() ?? new BenchOptions();
        if (!options.Enabled)
        {
            return app;
        }

        var sp = app.Services;
        var runtime = sp.GetRequiredService<TablesRuntime>();
        var time = sp.GetRequiredService<TimeProvider>();
        var emitter = new BenchEmitter(runtime, time);
        var players = ActivatorUtilities.CreateInstance<BenchPlayers>(sp);
        var edge = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var json = BenchJsonContext.Default;

        var group = app.MapGroup("/bench").AllowAnonymous().DisableRateLimiting().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) => context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context).ConfigureAwait(false)
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        group.MapPost("/tables", async (HttpContext http, CancellationToken ct) =>
        {
            var r = await http.Request.ReadFromJsonAsync(json.BenchTablesRequest, ct).ConfigureAwait(false);
            if (r is null || r.Count < 1 || r.Count > options.TablesMax || !Enum.TryParse<GameKind>(r.Game, true, out var game) || r.WindowSeconds is < 1 or > 3600)
            {
                return Results.BadRequest("count 1..TablesMax, game roulette|baccarat|dragonTiger, windowSeconds 1..3600");
            }

            var ids = new string[r.Count];
            for (var i = 0; i < r.Count; i++)
            {
                ids[i] = TablePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var limits = TableLimits.Default with
                {
                    BetsPerPlayerPerRoundMax = Math.Max(1, r.BetsPerPlayerPerRound),
                    BetsPerRoundMax = TableLimits.BetsPerRoundCeiling,
                    LinesPerPlayerPerRoundMax = Math.Max(TableLimits.Default.LinesPerBetMax, r.BetsPerPlayerPerRound * 2),
                };
                var config = new TableConfig("bench-studio", game, sp.GetRequiredService<IOptions<Options.WalletApiOptions>>().Value.Currency,
                    Paytables.DefaultFor(game), limits, TimeSpan.FromSeconds(r.WindowSeconds), StreamDescriptor.None);
                var reply = await runtime.ConfigureAsync(ids[i], config, "bench", ct).ConfigureAwait(false);
                if (reply is TableReply.CommandRejected rejected && rejected.Reason != TableRejection.RoundInProgress)
                {
                    return Results.Problem($"table {ids[i]}: {rejected.Reason} {rejected.Detail}");
                }
            }

            return Results.Json(ids, json.StringArray);
        });

        group.MapPost("/players", async (HttpContext http, CancellationToken ct) =>
        {
            var r = await http.Request.ReadFromJsonAsync(json.BenchPlayersRequest, ct).ConfigureAwait(false);
            if (r is null || r.Count < 1 || r.Count > options.PlayersPerCallMax || string.IsNullOrEmpty(r.Prefix) || r.FundMinor < 0)
            {
                return Results.BadRequest("prefix, count 1..PlayersPerCallMax, fundMinor >= 0");
            }

            return Results.Json(await players.CreateAsync(r, ct).ConfigureAwait(false), json.BenchPlayerArray);
        });

        group.MapPost("/tables/{tableId}/open", async (string tableId, CancellationToken ct) =>
        {
            var reply = await runtime.Tables.AskAsync<TableReply>(tableId, new TableCommand.OpenRound(new DealerStamp("bench", time.GetUtcNow())), edge.AskTimeout, ct).ConfigureAwait(false);
            var answer = reply is TableReply.CommandAccepted a ? new BenchRoundOpened(true, a.RoundNo, null) : new BenchRoundOpened(false, 0, reply.ToString());
            return Results.Json(answer, json.BenchRoundOpened);
        });

        group.MapPost("/emit", async (HttpContext http, CancellationToken ct) =>
        {
            var r = await http.Request.ReadFromJsonAsync(json.BenchEmitRequest, ct).ConfigureAwait(false);
            if (r is null)
            {
                return Results.BadRequest("a body is required");
            }

            BenchEmitter.Check(r, options);
            var ids = Enumerable.Range(0, r.Tables).Select(i => TablePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return emitter.TryStart(ids, r) ? Results.Json(emitter.Status(), json.BenchEmitStatus) : Results.Conflict("an emission is running");
        });

        group.MapGet("/emit", () => Results.Json(emitter.Status(), json.BenchEmitStatus));
        return app;
    }
}
