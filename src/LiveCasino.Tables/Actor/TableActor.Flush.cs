using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// Group commit inside the table: the buffered decisions become a few batched events, persisted
/// (with any round-flow events in <c>tail</c>, after them), and only then answered and sent on.
/// </summary>
internal sealed partial class TableActor
{
    private void PersistBuffer(List<TableEvent> tail, Action? then = null)
    {
        var now = Now;
        var studio = _state.StudioTimeOf(now);
        var round = _state.Current;
        var roundNo = round?.RoundNo ?? _state.LastRoundNo;
        var events = new List<TableEvent>();
        var requests = _buffer.Requests.ToList();
        var accepts = _buffer.Accepts.ToList();
        var rejects = _buffer.Rejects.ToList();
        var cancels = _buffer.Cancels.ToList();
        var confirms = _buffer.Confirms.ToList();
        var reroutes = _buffer.Reroutes.ToList();
        var replies = _buffer.Replies.ToList();
        _buffer.Clear();

        foreach (var chunk in requests.Chunk(_options.BetsPerEventMax))
        {
            events.Add(new BetsRequested(roundNo, now, studio, chunk));
        }

        foreach (var chunk in accepts.Chunk(_options.BetsPerEventMax))
        {
            events.Add(new BetsAccepted(roundNo, now, studio, chunk));
        }

        foreach (var chunk in rejects.Chunk(_options.BetsPerEventMax))
        {
            events.Add(new BetsRejected(roundNo, now, studio, chunk));
        }

        if (cancels.Count > 0)
        {
            events.Add(new BetsCancelled(roundNo, now, studio, cancels));
        }

        foreach (var id in reroutes)
        {
            events.Add(new SettlementRerouted(roundNo, now, studio, id));
        }

        foreach (var chunk in confirms.Chunk(_options.BetsPerEventMax))
        {
            events.Add(new WalletOperationsConfirmed(roundNo, now, studio, chunk));
        }

        events.AddRange(tail);
        PersistEvents(events, () =>
        {
            Answer(round, roundNo, requests, accepts, rejects, confirms, reroutes, replies);
            then?.Invoke();
        });
    }

    /// <summary>Once the buffer's events are stored: wallets get the new reservations, callers their answers.</summary>
    private void Answer(
        RoundState? round, long roundNo, List<BetRequest> requests, List<AcceptedBet> accepts, List<RejectedBet> rejects,
        List<string> confirms, List<string> reroutes, List<(IActorRef To, TableReply Reply)> replies)
    {
        foreach (var id in confirms.Concat(reroutes))
        {
            _deliveries.Remove(id);
        }

        if (round is not null)
        {
            foreach (var request in requests)
            {
                SendReservation(round, request);
            }

            foreach (var accepted in accepts)
            {
                var bet = round.Bets[accepted.BetNo];
                TableLog.BetAccepted(Log, _tableId, new TableLog.RoundId(_tableId, roundNo), bet.BetId, bet.BetNo, bet.PlayerId, bet.Stake);
                AnswerWaiters(bet.BetNo, new TableReply.BetAccepted(_tableId, roundNo, bet.BetId, bet.BetNo, bet.Stake, accepted.DecidedAt));
            }

            foreach (var rejected in rejects)
            {
                _reservations.Remove(State.WalletOperationIds.Reservation(_tableId, roundNo, rejected.BetNo));
                _reserveSentAt.Remove(rejected.BetNo);
                var betId = round.Bets[rejected.BetNo].BetId;
                TableLog.BetRejected(Log, _tableId, new TableLog.RoundId(_tableId, roundNo), betId, rejected.Reason, null);
                AnswerWaiters(rejected.BetNo, new TableReply.BetRejected(_tableId, roundNo, betId, rejected.Reason, null));
            }
        }

        foreach (var (to, reply) in replies)
        {
            to.Tell(reply, Self);
        }
    }

    /// <summary>
    /// Round-flow events that end bet taking (close, void) first settle the buffer: requests never
    /// sent to a wallet are refused outright, recorded bets still waiting for their reservation are
    /// refused and their reservations voided, and decisions already taken stay as they are.
    /// </summary>
    private void RefuseUndecided(BetRejection reason)
    {
        var round = _state.Current!;
        foreach (var request in _buffer.Requests)
        {
            TableLog.BetRejected(Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), request.BetId, reason, null);
            AnswerWaiters(request.BetNo, new TableReply.BetRejected(_tableId, round.RoundNo, request.BetId, reason, null));
        }

        _buffer.DropRequests();
        foreach (var bet in round.Pending)
        {
            if (_buffer.Decide(bet.BetNo))
            {
                _buffer.Rejects.Add(new RejectedBet(bet.BetNo, reason, Release: true));
            }
        }
    }
}
