using System.Diagnostics;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Diagnostics;

/// <summary>
/// Activity source "LiveCasino.Tables": one <c>SettleRound</c> span per settlement, from the result
/// to the settlement written, tagged with the round id (<c>table:round</c>) so it joins the bets'
/// <c>PlaceBet</c> spans of the same round. Without a listener nothing is allocated.
/// </summary>
public static class TableTracing
{
    public const string SourceName = "LiveCasino.Tables";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? StartSettlement(string tableId, long roundNo, GameKind game, int bets)
    {
        if (!Source.HasListeners() || Source.StartActivity("SettleRound") is not { } span)
        {
            return null;
        }

        span.SetTag("livecasino.table_id", tableId);
        span.SetTag("livecasino.round_id", RoundIds.Of(tableId, roundNo));
        span.SetTag("livecasino.game", TableMetrics.GameName(game));
        span.SetTag("livecasino.bets", bets);
        return span;
    }
}
