using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.State;

/// <summary>Applying bet events: counters, statuses, and the voids a refused or cancelled bet owes.</summary>
internal sealed partial class TableState
{
    private void ApplyRequested(BetsRequested e)
    {
        var round = RequireRound(e.RoundNo);
        foreach (var request in e.Bets)
        {
            round.Add(new BetRecord(request));
        }
    }

    private void ApplyAccepted(BetsAccepted e)
    {
        var round = RequireRound(e.RoundNo);
        foreach (var accepted in e.Bets)
        {
            var bet = round.Bets[accepted.BetNo];
            if (bet.Status != BetStatus.Pending)
            {
                throw new InvalidOperationException($"Table {TableId} round {e.RoundNo}: bet {bet.BetNo} accepted while {bet.Status}.");
            }

            bet.DecidedAt = accepted.DecidedAt;
            round.Move(bet, BetStatus.Accepted);
            if (bet.Replaces is { } old && round.Bets.TryGetValue(old, out var replaced) && replaced.Status == BetStatus.Accepted)
            {
                round.Move(replaced, BetStatus.Replaced);
                AddVoid(round, replaced, "bet-changed", replaced.PlayerId);
            }
        }
    }

    private void ApplyRejected(BetsRejected e)
    {
        var round = RequireRound(e.RoundNo);
        foreach (var rejected in e.Bets)
        {
            var bet = round.Bets[rejected.BetNo];
            if (bet.Status != BetStatus.Pending)
            {
                throw new InvalidOperationException($"Table {TableId} round {e.RoundNo}: bet {bet.BetNo} rejected while {bet.Status}.");
            }

            bet.Reason = rejected.Reason;
            round.Move(bet, BetStatus.Rejected);
            if (rejected.Release)
            {
                AddVoid(round, bet, "bet-rejected:" + rejected.Reason, "table");
            }
        }
    }

    private void ApplyCancelled(BetsCancelled e)
    {
        var round = RequireRound(e.RoundNo);
        foreach (var betNo in e.BetNos)
        {
            var bet = round.Bets[betNo];
            round.Move(bet, BetStatus.Cancelled);
            AddVoid(round, bet, "bet-cancelled", bet.PlayerId);
        }
    }

    private void AddVoid(RoundState round, BetRecord bet, string reason, string by)
    {
        var reservation = WalletOperationIds.Reservation(TableId, round.RoundNo, bet.BetNo);
        AddOutbox(new OutboxEntry(
            WalletOperationIds.Void(TableId, round.RoundNo, bet.BetNo), OutboxKind.Void, bet.PlayerId, round.Currency, round.RoundNo, bet.BetNo, reservation, bet.Stake, bet.Stake, reason, by));
    }
}
