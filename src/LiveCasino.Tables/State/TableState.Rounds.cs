using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Statistics;

namespace LiveCasino.Tables.State;

/// <summary>Applying the round flow: close, deal, result, settlement, void, corrections, deliveries.</summary>
internal sealed partial class TableState
{
    private void ApplyRoundFlow(TableEvent e)
    {
        switch (e)
        {
            case BettingClosed c:
                var closing = RequireRound(c.RoundNo);
                closing.Phase = RoundPhase.BettingClosed;
                closing.ClosedAt = c.ServerAt;
                break;
            case DealingStarted d:
                RequireRound(d.RoundNo).Phase = RoundPhase.Dealing;
                break;
            case CardDealt d:
                RequireRound(d.RoundNo).Cards.Add(d.Card);
                RequireShoe().Apply(ShoeOp.Draw, Card.Parse(d.Card.Card));
                break;
            case CardRescanned r:
                var round = RequireRound(r.RoundNo);
                round.Cards[r.Position - 1] = round.Cards[r.Position - 1] with { Card = r.NewCard };
                if (RequireShoe().Replace(r.Position, Card.Parse(r.NewCard), commit: true) != ShoeRejection.None)
                {
                    throw new InvalidOperationException($"Table {TableId} round {r.RoundNo}: recorded re-scan of position {r.Position} does not fit the shoe.");
                }

                break;
            case ResultConfirmed r:
                var resulted = RequireRound(r.RoundNo);
                resulted.Result = r.Result;
                resulted.Phase = RoundPhase.ResultConfirmed;
                Statistics.OnResult(r.RoundNo, ShoeCount, r.Result);
                break;
            case RoundSettled s:
                ApplySettled(s);
                break;
            case RoundVoided v:
                ApplyVoided(v);
                break;
            case RoundResettled r:
                ApplyResettled(r);
                break;
            case WalletOperationsConfirmed w:
                foreach (var id in w.OperationIds)
                {
                    _outbox.Remove(id);
                }

                break;
            case SettlementRerouted r:
                ApplyRerouted(r);
                break;
            case RoundSealed:
                break; // the record chain (RecordChain) handles seals
            default:
                throw new InvalidOperationException($"Table {TableId}: no state change is defined for {e.GetType().Name}.");
        }
    }

    private void ApplySettled(RoundSettled s)
    {
        var round = RequireRound(s.RoundNo);
        foreach (var payout in s.Payouts)
        {
            var bet = round.Bets[payout.BetNo];
            if (bet.Status != BetStatus.Accepted || bet.Stake != payout.Stake)
            {
                throw new InvalidOperationException($"Table {TableId} round {s.RoundNo}: payout for bet {bet.BetNo} ({bet.Status}, stake {bet.Stake}) does not match ({payout.Stake}).");
            }

            bet.Returned = payout.Returned;
            round.Move(bet, BetStatus.Settled);
            var reservation = WalletOperationIds.Reservation(TableId, round.RoundNo, bet.BetNo);
            AddOutbox(new OutboxEntry(
                WalletOperationIds.Settle(TableId, round.RoundNo, bet.BetNo), OutboxKind.Settle, bet.PlayerId, round.Currency, round.RoundNo, bet.BetNo, reservation, payout.Returned, bet.Stake, "settle", "table"));
        }

        // Invariant: every accepted bet is in the settlement, nothing else is.
        if (round.AcceptedBets != 0)
        {
            throw new InvalidOperationException($"Table {TableId} round {s.RoundNo}: {round.AcceptedBets} accepted bets left out of the settlement.");
        }

        round.TotalReturned = s.TotalReturned;
        round.Phase = RoundPhase.Settled;
        round.SettledAt = s.ServerAt;
        EndRound(round, s.Payouts.Count, s.TotalStake, s.TotalReturned, voided: false, s.ServerAt);
    }

    private void ApplyVoided(RoundVoided v)
    {
        var round = RequireRound(v.RoundNo);
        long stake = 0;
        var bets = 0;
        foreach (var bet in round.Accepted.ToList())
        {
            round.Move(bet, BetStatus.Voided);
            AddVoid(round, bet, "round-voided:" + v.Reason, v.By);
            stake += bet.Stake;
            bets++;
        }

        round.Phase = RoundPhase.Voided;
        round.SettledAt = v.ServerAt;
        EndRound(round, bets, stake, stake, voided: true, v.ServerAt);
    }

    private void EndRound(RoundState round, int bets, long stake, long returned, bool voided, DateTimeOffset at)
    {
        Statistics.OnRoundEnded(new RoundTurnover(round.RoundNo, bets, stake, returned, voided, at));
        if (Engine!.UsesCards && Shoe?.Shoe.RoundInProgress == true)
        {
            Shoe.Apply(ShoeOp.EndRound);
        }
    }

    private void ApplyResettled(RoundResettled r)
    {
        var round = RequireRound(r.RoundNo);
        round.Result = r.Result;
        round.Corrections = r.CorrectionNo;
        round.TotalReturned = r.Payouts.Sum(p => p.Returned);
        foreach (var payout in r.Payouts)
        {
            round.Bets[payout.BetNo].Returned = payout.Returned;
        }

        foreach (var adjustment in r.Adjustments)
        {
            AddOutbox(new OutboxEntry(
                WalletOperationIds.Adjust(TableId, round.RoundNo, adjustment.BetNo, r.CorrectionNo),
                OutboxKind.Adjust,
                adjustment.PlayerId,
                round.Currency,
                round.RoundNo,
                adjustment.BetNo,
                WalletOperationIds.Reservation(TableId, round.RoundNo, adjustment.BetNo),
                adjustment.Amount,
                round.Bets[adjustment.BetNo].Stake,
                "resettle:" + r.Reason,
                r.By));
        }

        Statistics.OnResult(r.RoundNo, ShoeCount, r.Result);
    }

    private void ApplyRerouted(SettlementRerouted r)
    {
        if (!_outbox.Remove(r.OperationId, out var settle))
        {
            return;
        }

        // Same money, other route: release the stake, then move the net result.
        AddOutbox(settle with { OperationId = WalletOperationIds.RerouteVoid(settle.OperationId), Kind = OutboxKind.Void, Reason = "settle-after-expiry" });
        var net = settle.Amount - settle.Stake;
        if (net != 0)
        {
            AddOutbox(settle with { OperationId = WalletOperationIds.RerouteAdjust(settle.OperationId), Kind = OutboxKind.Adjust, Amount = net, Reason = "settle-after-expiry" });
        }
    }
}
