using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>Observation for the edge: subscribers get every persisted event in order; snapshots and queries.</summary>
internal sealed partial class TableActor
{
    private void OnSubscribe(IActorRef subscriber)
    {
        if (subscriber.IsNobody())
        {
            return; // told without a sender: nobody to publish to
        }

        if (!_subscribers.Contains(subscriber))
        {
            if (_subscribers.Count >= _options.SubscribersMax)
            {
                // Bounded: the oldest subscriber gives way (the edge re-subscribes if it still cares).
                Context.Unwatch(_subscribers[0]);
                _subscribers.RemoveAt(0);
            }

            _subscribers.Add(subscriber);
            Context.Watch(subscriber);
        }

        subscriber.Tell(new TableNotification.Subscribed(_tableId, Snapshot()), Self);
    }

    private void OnUnsubscribe(IActorRef subscriber)
    {
        if (_subscribers.Remove(subscriber))
        {
            Context.Unwatch(subscriber);
        }

        if (_viewers.Remove(subscriber))
        {
            _state.Statistics.Viewers = _viewers.Values.Sum();
        }
    }

    /// <summary>
    /// One member's viewer count (its table feed is the sender). Members count their own viewers, so
    /// the table sums them; a feed that stops (its member left or died) is watched and its count
    /// dropped. Bounded like the subscribers; a count told without a sender stands for one member.
    /// </summary>
    private void OnSetViewers(int count, IActorRef from)
    {
        if (!_viewers.ContainsKey(from))
        {
            if (_viewers.Count >= _options.SubscribersMax)
            {
                return;
            }

            if (!from.IsNobody() && !_subscribers.Contains(from))
            {
                Context.Watch(from);
            }
        }

        _viewers[from] = Math.Max(0, count);
        _state.Statistics.Viewers = _viewers.Values.Sum();
    }

    /// <summary>Tells every subscriber about events just persisted, with their journal sequence numbers.</summary>
    private void Publish(List<TableEvent> persisted)
    {
        if (_subscribers.Count == 0)
        {
            return;
        }

        var first = LastSequenceNr - persisted.Count + 1;
        for (var i = 0; i < persisted.Count; i++)
        {
            var e = persisted[i];
            var notification = new TableNotification.EventPersisted(_tableId, e.RoundNo, first + i, e.ServerAt, e.StudioAt, e);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Tell(notification, Self);
            }
        }
    }

    private TableSnapshot Snapshot()
    {
        var now = Now;
        var round = _state.Current;
        var timeLeft = round is { Phase: RoundPhase.BettingOpen } && round.ClosesAt > now ? round.ClosesAt - now : TimeSpan.Zero;
        var shoe = _state.Shoe?.Shoe;
        return new TableSnapshot(
            _tableId,
            LastSequenceNr,
            _state.Config,
            round?.RoundNo ?? 0,
            _state.Phase,
            round?.OpenedAt,
            round?.ClosesAt,
            timeLeft,
            now,
            _state.StudioTimeOf(now),
            round is null ? [] : [.. round.Cards],
            round?.Result,
            round?.AcceptedBets + (round?.Bets.Values.Count(b => b.Status == BetStatus.Settled) ?? 0) ?? 0,
            round is null ? 0 : round.AcceptedStake + round.Bets.Values.Where(b => b.Status == BetStatus.Settled).Sum(b => b.Stake),
            _state.ShoeCount,
            _state.Engine?.UsesCards == true && (shoe is null || shoe.IsFlagged || shoe.Phase == ShoePhase.Finished),
            _state.Outbox.Count,
            _failed.Count(_state.Outbox.ContainsKey),
            _chain.Intact,
            _state.Statistics.View(_state.Config?.Game, _state.ShoeCount, now));
    }

    private PlayerBets PlayerBetsOf(string playerId)
    {
        var recorded = _state.BetsOf(playerId);
        var buffered = _buffer.RequestsOf(playerId).Select(r => new PlayerBet(r.BetId, r.BetNo, r.Lines, r.Stake, BetStatus.Pending, null, null));
        return recorded with { Bets = [.. recorded.Bets, .. buffered] };
    }
}
