using System.Text.Json;
using LiveCasino.Games.Baccarat;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Statistics;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Server.Hubs;

/// <summary>Maps the tables' and wallets' types to the hubs' views (docs/protocol.md, "Common shapes").</summary>
public static class Views
{
    /// <summary>Results shown per table in the lobby.</summary>
    public const int LobbyResults = 5;

    /// <summary>An enum value as the wire spells it: camelCase ("bettingOpen", "dragonTiger").</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string RoundId(string tableId, long roundNo) => Tables.Protocol.RoundIds.Of(tableId, roundNo);

    public static CardView Card(DealtCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new CardView(card.Position, card.Card, card.Hand);
    }

    public static ResultView Result(RoundResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ResultView(
            Name(r.Game), r.Winner, r.Number, r.Revolutions, r.Cards is { Count: > 0 } cards ? [.. cards.Select(Card)] : null,
            r.PlayerTotal, r.BankerTotal, r.PlayerPair, r.BankerPair, r.SuitedTie);
    }

    public static LimitsView Limits(TableLimits l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new LimitsView(
            l.Spot.Min, l.Spot.Max, l.SpotByKind?.ToDictionary(kv => kv.Key, kv => new SpotRangeView(kv.Value.Min, kv.Value.Max), StringComparer.Ordinal),
            l.PlayerRoundMax, l.BetsPerPlayerPerRoundMax, l.LinesPerBetMax);
    }

    public static StreamView Stream(StreamDescriptor s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new StreamView(s.Urls, s.DelayMs);
    }

    public static BalanceView Balance(WalletBalance b, string fallbackCurrency, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new BalanceView(string.IsNullOrEmpty(b.Currency) ? fallbackCurrency : b.Currency, b.Available, b.Posted, b.DebitsPending, b.CreditsPending, reason);
    }

    public static MyBetView Bet(PlayerBet b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new MyBetView(b.BetId, b.BetNo, [.. b.Lines.Select(l => new BetLineView(l.Spot, l.Amount))], b.Stake, Name(b.Status), b.Reason is { } r ? Name(r) : null, b.Returned);
    }

    public static StatsView Stats(TableStatisticsView s, int viewers)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new StatsView(
            [.. s.LastResults.Select(Result)],
            s.WinnerCounts,
            s.HotCold?.Hot.Select(n => new NumberCountView(n.Number, n.Hits, n.ZScore)).ToList(),
            s.HotCold?.Cold.Select(n => new NumberCountView(n.Number, n.Hits, n.ZScore)).ToList(),
            s.WheelBias is { } w ? new WheelBiasView(w.Spins, w.Statistic, w.DegreesOfFreedom, w.PValue) : null,
            s.BeadPlate?.Select(c => new BeadView(c.Column, c.Row, Winner(c.Result.Winner), c.Result.PlayerTotal, c.Result.BankerTotal, c.Result.PlayerPair, c.Result.BankerPair)).ToList(),
            s.BigRoad is { } road
                ? new BigRoadView(road.Rows, road.LeadingTies, [.. road.Cells.Select(c => new BigRoadCellView(c.Column, c.Row, c.Streak, Winner(c.Winner), c.Ties, c.PlayerPair, c.BankerPair, c.IsDragonTail))])
                : null,
            s.RoundsPerHour,
            viewers);
    }

    /// <summary>
    /// A table snapshot as of <paramref name="now"/> (the time left and clocks are moved on from when
    /// the table took it, so a cached snapshot stays exact).
    /// </summary>
    public static TableSnapshotView Snapshot(TableSnapshot s, DateTimeOffset now, int viewers, IReadOnlyList<MyBetView>? myBets, BalanceView? balance)
    {
        ArgumentNullException.ThrowIfNull(s);
        var config = s.Config;
        var elapsed = now > s.ServerNow ? now - s.ServerNow : TimeSpan.Zero;
        RoundView? round = null;
        if (s.RoundNo > 0)
        {
            var left = s.Phase == RoundPhase.BettingOpen && s.ClosesAt is { } closes && closes > now ? (long)(closes - now).TotalMilliseconds : 0;
            round = new RoundView(
                s.RoundNo, RoundId(s.TableId, s.RoundNo), Name(s.Phase), s.OpenedAt, s.ClosesAt, left,
                [.. s.Cards.Select(Card)], s.Result is { } r ? Result(r) : null, s.BetsThisRound, s.StakeThisRound);
        }

        var cards = config is { Game: GameKind.Baccarat or GameKind.DragonTiger };
        return new TableSnapshotView(
            s.TableId,
            s.SequenceNr,
            config is null ? null : Name(config.Game),
            config?.StudioId,
            config?.Currency,
            config?.Paytable.ToString(),
            config is null ? null : (long)config.BettingWindow.TotalMilliseconds,
            config is null ? null : Limits(config.Limits),
            config is null ? null : Stream(config.Stream),
            round,
            cards ? new ShoeView(s.ShoeNo, s.ShoeNeedsChange) : null,
            s.ServerNow + elapsed,
            s.StudioNow + elapsed,
            myBets,
            balance,
            Stats(s.Statistics, viewers),
            viewers);
    }

    private static string Winner(BaccaratWinner winner) => Name(winner);
}
