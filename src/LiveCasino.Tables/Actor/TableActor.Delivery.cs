using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// The outbox: every settlement, void and adjustment the table owes is sent, and sent again with
/// exponential backoff, until its wallet answers; the answer is persisted as a confirmation. The
/// operation ids are deterministic, so a resend is a repeat the wallet answers without moving money.
/// </summary>
internal sealed partial class TableActor
{
    private void DeliverNewOutboxEntries()
    {
        foreach (var entry in _state.TakeNewOutbox())
        {
            if (!_deliveries.ContainsKey(entry.OperationId))
            {
                var delivery = new Delivery();
                _deliveries[entry.OperationId] = delivery;
                Send(entry, delivery);
            }
        }
    }

    private void Send(OutboxEntry entry, Delivery delivery)
    {
        WalletCommand command = entry.Kind switch
        {
            OutboxKind.Settle => new SettleBet(entry.OperationId, entry.ReservationId, new Money(entry.Amount, entry.Currency)),
            OutboxKind.Void => new VoidBet(entry.OperationId, entry.ReservationId, entry.Reason),
            _ => new AdjustBalance(entry.OperationId, new Money(entry.Amount, entry.Currency), entry.Reason, entry.By),
        };
        delivery.Attempts++;
        var wait = _options.OutboxRetryMin * Math.Pow(2, Math.Min(delivery.Attempts - 1, 20));
        delivery.NextAt = _time.GetTimestamp() + (long)(Math.Min(wait.TotalSeconds, _options.OutboxRetryMax.TotalSeconds) * _time.TimestampFrequency);
        _walletSend(entry.PlayerId, command, Self);
        EnsureSweep();
    }

    private void OnWalletAnswered(WalletReply reply)
    {
        if (_reservations.Remove(reply.OperationId, out var betNo))
        {
            _reserveSentAt.Remove(betNo);
            OnReservationAnswered(betNo, reply);
            return;
        }

        if (!_state.Outbox.TryGetValue(reply.OperationId, out var entry) || _buffer.Confirms.Contains(entry.OperationId))
        {
            return; // a late repeat of something already confirmed
        }

        if (reply is WalletRejected rejected && !Settles(entry, rejected.Reason))
        {
            if (entry.Kind == OutboxKind.Settle && rejected.Reason == WalletRejection.Expired)
            {
                if (!_buffer.Reroutes.Contains(entry.OperationId))
                {
                    TableLog.SettlementRerouted(Log, _tableId, entry.OperationId);
                    _buffer.Reroutes.Add(entry.OperationId);
                    ScheduleFlush();
                }

                return;
            }

            // The wallet keeps a refusal attached to its operation id, so a resend would get the same
            // answer: leave it owed (it shows in the snapshot) for an operator, and stop resending it.
            TableLog.DeliveryRefused(Log, _tableId, entry.OperationId, rejected.Reason, rejected.Detail);
            _failed.Add(entry.OperationId);
            if (_deliveries.TryGetValue(entry.OperationId, out var delivery))
            {
                delivery.NextAt = long.MaxValue;
            }

            return;
        }

        _buffer.Confirms.Add(entry.OperationId);
        ScheduleFlush();
    }

    /// <summary>Refusals that mean the operation's effect is already there (an earlier attempt got through).</summary>
    private static bool Settles(OutboxEntry entry, WalletRejection reason) => entry.Kind switch
    {
        OutboxKind.Settle => reason == WalletRejection.AlreadySettled,
        OutboxKind.Void => reason is WalletRejection.AlreadySettled or WalletRejection.Unknown or WalletRejection.Tombstoned,
        _ => false,
    };

    private void EnsureSweep()
    {
        if (!_sweeping)
        {
            _sweeping = true;
            _timers.StartSingleTimer(SweepTimer, TableSignal.Sweep.Instance, Now + _options.SweepInterval);
        }
    }

    /// <summary>Re-asks reservations with no answer and resends outbox entries that are due; stops when nothing is owed.</summary>
    private void OnSweep()
    {
        var now = _time.GetTimestamp();
        var sends = 0;
        if (_state.Current is { Phase: RoundPhase.BettingOpen } round)
        {
            foreach (var (betNo, sentAt) in _reserveSentAt.ToList())
            {
                if (_time.GetElapsedTime(sentAt, now) >= _options.ReservationRetryAfter && sends++ < _options.SendsPerSweepMax &&
                    round.Bets.TryGetValue(betNo, out var bet) && bet.Status == BetStatus.Pending)
                {
                    SendReservation(round, bet.ToRequest());
                }
            }
        }

        foreach (var (id, delivery) in _deliveries)
        {
            if (sends >= _options.SendsPerSweepMax)
            {
                break;
            }

            if (delivery.NextAt <= now && _state.Outbox.TryGetValue(id, out var entry) && !_buffer.Confirms.Contains(id))
            {
                Send(entry, delivery);
                sends++;
            }
        }

        // Every sweep arms the next while anything is owed; the timer is a single one, re-armed here.
        _sweeping = false;
        if (_reserveSentAt.Count > 0 || _deliveries.Count > 0)
        {
            EnsureSweep();
        }
    }
}
