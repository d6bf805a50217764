using LiveCasino.Server.Hubs;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Which table events viewers get, under which hub target, with which fields (docs/protocol.md,
/// "Player hub: events"). Bet traffic and delivery bookkeeping are not sent; the round record seal
/// is not either (disputes read it over REST).
/// </summary>
internal static class TableEventViews
{
    /// <summary>The event as viewers see it, or null when viewers do not get it.</summary>
    /// <param name="game">The table's game (picks wheelResult or dealResult).</param>
    /// <param name="result">The round's confirmed result (a settlement carries it).</param>
    public static (string Target, TableEventView View)? Map(TableNotification.EventPersisted n, long prevSeq, GameKind? game, RoundResult? result)
    {
        ArgumentNullException.ThrowIfNull(n);
        var v = new TableEventView(n.TableId, n.RoundNo, Views.RoundId(n.TableId, n.RoundNo), n.SequenceNr, prevSeq, n.ServerAt, n.StudioAt);
        return n.Event switch
        {
            RoundOpened e => ("roundOpened", v with { ClosesAt = e.ClosesAt, BettingWindowMs = (long)(e.ClosesAt - e.ServerAt).TotalMilliseconds, Paytable = e.Paytable.ToString(), By = e.By }),
            BettingClosed e => ("betsClosed", v with { By = e.By }),
            DealingStarted e => ("dealingStarted", v with { By = e.By }),
            CardDealt e => ("cardDealt", v with { Card = Views.Card(e.Card), By = e.By }),
            CardRescanned e => ("cardRescanned", v with { Position = e.Position, OldCard = e.OldCard, NewCard = e.NewCard, Reason = e.Reason, By = e.By }),
            ResultConfirmed e => (e.Result.Game == GameKind.Roulette || game == GameKind.Roulette ? "wheelResult" : "dealResult", v with { Result = Views.Result(e.Result), By = e.By }),
            RoundSettled e => ("roundSettled", v with { Result = result is null ? null : Views.Result(result), TotalStake = e.TotalStake, TotalReturned = e.TotalReturned }),
            RoundVoided e => ("roundVoided", v with { Reason = e.Reason, By = e.By }),
            RoundResettled e => ("roundResettled", v with { CorrectionNo = e.CorrectionNo, Result = Views.Result(e.Result), Reason = e.Reason, By = e.By }),
            ShoeChanged e => ("shoeChanged", v with { ShoeNo = e.ShoeNo, Decks = e.Decks, By = e.By }),
            CardBurned e => ("cardBurned", v with { Card = new CardView(null, e.Card, null), By = e.By }),
            CutCardReached e => ("cutCardReached", v with { By = e.By }),
            ShoeFlagged e => ("shoeFlagged", v with { Card = new CardView(null, e.Card, null), By = e.By }),
            TableConfigured e => ("tableConfigured", v with
            {
                Limits = Views.Limits(e.Config.Limits),
                BettingWindowMs = (long)e.Config.BettingWindow.TotalMilliseconds,
                Currency = e.Config.Currency,
                Paytable = e.Config.Paytable.ToString(),
                By = e.By,
            }),
            _ => null,
        };
    }
}
