using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>Taking bets: window and limit checks, recording, reservation in the wallet, the answer.</summary>
internal sealed partial class TableActor
{
    private const int IdLengthMax = 64;

    private void OnPlaceBet(TableCommand.PlaceBet cmd, IActorRef replyTo)
    {
        // A repeat first: its answer is the first one's even once the window has closed (the caller
        // may be retrying through a failover that outlasted the round).
        if (RepeatInNamedRound(cmd.RoundNo, cmd.PlayerId, cmd.BetId, cmd.Lines, replyTo))
        {
            return;
        }

        if (CheckWindow(cmd.PlayerId, cmd.BetId, cmd.RoundNo, cmd.Currency) is { } refused)
        {
            RefuseBet(replyTo, cmd.RoundNo, cmd.BetId, refused, null);
            return;
        }

        Request(_state.Current!, cmd.PlayerId, cmd.BetId, cmd.Lines, null, replyTo);
    }

    private void OnChangeBet(TableCommand.ChangeBet cmd, IActorRef replyTo)
    {
        if (RepeatInNamedRound(cmd.RoundNo, cmd.PlayerId, cmd.NewBetId, cmd.Lines, replyTo))
        {
            return;
        }

        if (CheckWindow(cmd.PlayerId, cmd.NewBetId, cmd.RoundNo, cmd.Currency) is { } refused)
        {
            RefuseBet(replyTo, cmd.RoundNo, cmd.NewBetId, refused, null);
            return;
        }

        var round = _state.Current!;
        var old = round.Find(cmd.PlayerId, cmd.BetId);
        if (old is null)
        {
            RefuseBet(replyTo, round.RoundNo, cmd.NewBetId, BetRejection.UnknownBet, cmd.BetId);
            return;
        }

        if (!IsChangeable(round, old))
        {
            RefuseBet(replyTo, round.RoundNo, cmd.NewBetId, BetRejection.NotChangeable, $"{cmd.BetId} is {old.Status}");
            return;
        }

        Request(round, cmd.PlayerId, cmd.NewBetId, cmd.Lines, old.BetNo, replyTo);
    }

    private void OnCancelBet(TableCommand.CancelBet cmd, IActorRef replyTo)
    {
        // A repeated cancel that took effect gets the first answer, even after the window closed.
        if (_state.Config is not null && _state.RoundOf(cmd.RoundNo)?.Find(cmd.PlayerId, cmd.BetId) is { Status: BetStatus.Cancelled } cancelled)
        {
            replyTo.Tell(new TableReply.BetCancelled(_tableId, cmd.RoundNo, cancelled.BetId));
            return;
        }

        if (CheckWindow(cmd.PlayerId, cmd.BetId, cmd.RoundNo, currency: null) is { } refused)
        {
            RefuseBet(replyTo, cmd.RoundNo, cmd.BetId, refused, null);
            return;
        }

        var round = _state.Current!;
        var bet = round.Find(cmd.PlayerId, cmd.BetId);
        if (bet is null)
        {
            var buffered = _buffer.RequestsOf(cmd.PlayerId).Any(r => r.BetId == cmd.BetId);
            RefuseBet(replyTo, round.RoundNo, cmd.BetId, buffered ? BetRejection.NotChangeable : BetRejection.UnknownBet, null);
            return;
        }

        if (bet.Status == BetStatus.Cancelled)
        {
            replyTo.Tell(new TableReply.BetCancelled(_tableId, round.RoundNo, bet.BetId));
            return;
        }

        if (!IsChangeable(round, bet))
        {
            RefuseBet(replyTo, round.RoundNo, cmd.BetId, BetRejection.NotChangeable, bet.Status.ToString());
            return;
        }

        _buffer.Cancels.Add(bet.BetNo);
        _buffer.Replies.Add((replyTo, new TableReply.BetCancelled(_tableId, round.RoundNo, bet.BetId)));
        ScheduleFlush();
    }

    /// <summary>Null when a bet may be taken now: configured, round open by server time, ids and currency fine.</summary>
    private BetRejection? CheckWindow(string playerId, string betId, long roundNo, string? currency)
    {
        if (_state.Config is not { } config)
        {
            return BetRejection.TableNotConfigured;
        }

        if (string.IsNullOrWhiteSpace(playerId) || playerId.Length > IdLengthMax || string.IsNullOrWhiteSpace(betId) || betId.Length > IdLengthMax)
        {
            return BetRejection.Invalid;
        }

        var round = _state.Current;
        if (round is null || (round.RoundNo != roundNo && round.Phase == RoundPhase.BettingOpen))
        {
            return round is null ? BetRejection.NoRoundOpen : BetRejection.WrongRound;
        }

        if (round.RoundNo != roundNo)
        {
            return roundNo > round.RoundNo ? BetRejection.NoRoundOpen : BetRejection.BettingClosed;
        }

        if (round.Phase == RoundPhase.Voided)
        {
            return BetRejection.RoundVoided;
        }

        // Server time is the authority: a bet at or after ClosesAt is late even if the close timer has not run yet.
        if (round.Phase != RoundPhase.BettingOpen || Now >= round.ClosesAt)
        {
            return BetRejection.BettingClosed;
        }

        return currency is not null && !string.Equals(currency, config.Currency, StringComparison.Ordinal) ? BetRejection.WrongCurrency : null;
    }

    private bool IsChangeable(RoundState round, BetRecord bet) =>
        bet.Status == BetStatus.Accepted &&
        !_buffer.Cancels.Contains(bet.BetNo) &&
        !round.Pending.Any(p => p.Replaces == bet.BetNo) &&
        !_buffer.Requests.Any(r => r.Replaces == bet.BetNo);

    /// <summary>
    /// A bet id already taken in the round the command names (the current one or one kept after it):
    /// the same bet gets the first answer, whatever the window says now; other lines under the same
    /// id are refused. False when the id is new there.
    /// </summary>
    private bool RepeatInNamedRound(long roundNo, string playerId, string betId, IReadOnlyList<BetLine> lines, IActorRef replyTo)
    {
        if (_state.Config is null || _state.RoundOf(roundNo) is not { } round)
        {
            return false;
        }

        var recorded = round.Find(playerId, betId);
        var buffered = recorded is null && ReferenceEquals(round, _state.Current) ? _buffer.RequestsOf(playerId).FirstOrDefault(r => r.BetId == betId) : null;
        if (recorded is null && buffered is null)
        {
            return false;
        }

        var sameLines = (recorded?.Lines ?? buffered!.Lines).SequenceEqual(lines ?? []);
        var betNo = recorded?.BetNo ?? buffered!.BetNo;
        if (!sameLines)
        {
            RefuseBet(replyTo, round.RoundNo, betId, BetRejection.DuplicateBetId, "the bet id names other lines");
            return true;
        }

        switch (recorded?.Status ?? BetStatus.Pending)
        {
            case BetStatus.Pending:
                if (!AddWaiter(betNo, replyTo))
                {
                    RefuseBet(replyTo, round.RoundNo, betId, BetRejection.DuplicateBetId, "too many repeats while pending");
                }

                break;
            case BetStatus.Accepted or BetStatus.Settled:
                replyTo.Tell(new TableReply.BetAccepted(_tableId, round.RoundNo, betId, betNo, recorded!.Stake, recorded.DecidedAt ?? Now));
                break;
            case BetStatus.Cancelled or BetStatus.Replaced:
                replyTo.Tell(new TableReply.BetCancelled(_tableId, round.RoundNo, betId));
                break;
            case BetStatus.Voided:
                RefuseBet(replyTo, round.RoundNo, betId, BetRejection.RoundVoided, null);
                break;
            default:
                RefuseBet(replyTo, round.RoundNo, betId, recorded!.Reason ?? BetRejection.Invalid, null);
                break;
        }

        return true;
    }

    private void Request(RoundState round, string playerId, string betId, IReadOnlyList<BetLine> lines, long? replaces, IActorRef replyTo)
    {
        var betNo = Math.Max(_lastBetNo, round.LastBetNo) + 1;
        if (Validate(round, playerId, betNo, lines, replaces, out var stake, out var detail) is { } refused)
        {
            RefuseBet(replyTo, round.RoundNo, betId, refused, detail);
            return;
        }

        _lastBetNo = betNo;
        _buffer.Request(new BetRequest(betNo, playerId, betId, [.. lines], stake, replaces));
        AddWaiter(betNo, replyTo);
        ScheduleFlush();
    }

    /// <summary>Every limit, counting recorded bets (pending or accepted) and the ones buffered for the next write.</summary>
    private BetRejection? Validate(RoundState round, string playerId, long betNo, IReadOnlyList<BetLine>? lines, long? replaces, out long stake, out string? detail)
    {
        stake = 0;
        detail = null;
        var limits = _state.Config!.Limits;
        if (lines is null || lines.Count == 0)
        {
            return BetRejection.EmptyBet;
        }

        if (lines.Count > limits.LinesPerBetMax)
        {
            return BetRejection.TooManyLinesOnBet;
        }

        var buffered = _buffer.RequestsOf(playerId);
        var playerBets = round.ActiveBetsOf(playerId, replaces) + buffered.Count;
        var playerRecorded = round.BetsOf(playerId).Count + buffered.Count;
        if (playerBets >= limits.BetsPerPlayerPerRoundMax || playerRecorded >= 4 * limits.BetsPerPlayerPerRoundMax)
        {
            return BetRejection.TooManyBetsForPlayer;
        }

        if (round.ActiveBets + _buffer.Requests.Count >= limits.BetsPerRoundMax || round.Bets.Count + _buffer.Requests.Count >= 2 * limits.BetsPerRoundMax)
        {
            return BetRejection.TooManyBetsInRound;
        }

        var playerLines = round.ActiveLinesOf(playerId, replaces);
        playerLines.AddRange(_buffer.RequestedLinesOf(playerId));
        var betLimits = limits.ToBetLimits();
        var engine = _state.Engine!;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null || string.IsNullOrEmpty(lines[i].Spot))
            {
                return BetRejection.UnknownSpot;
            }

            var bet = GameEngine.LineBet(betNo, i, lines[i]);
            var verdict = engine.Validate(bet, betLimits, playerLines);
            if (verdict != BetVerdict.Accepted)
            {
                detail = lines[i].Spot;
                return Map(verdict);
            }

            playerLines.Add(bet);
            stake += bet.Amount;
        }

        return round.ActiveStake + _buffer.RequestedStake + stake > limits.RoundMax ? BetRejection.AboveRoundMax : null;
    }

    private static BetRejection Map(BetVerdict verdict) => verdict switch
    {
        BetVerdict.UnknownSpot => BetRejection.UnknownSpot,
        BetVerdict.NotALayoutGeometry => BetRejection.NotALayoutGeometry,
        BetVerdict.NonPositiveAmount => BetRejection.NonPositiveAmount,
        BetVerdict.BelowSpotMin => BetRejection.BelowSpotMin,
        BetVerdict.AboveSpotMax => BetRejection.AboveSpotMax,
        BetVerdict.AboveRoundMax => BetRejection.AbovePlayerRoundMax,
        BetVerdict.TooManyBets => BetRejection.TooManyLinesForPlayer,
        _ => BetRejection.Invalid,
    };

    private void RefuseBet(IActorRef replyTo, long roundNo, string betId, BetRejection reason, string? detail)
    {
        TableLog.BetRejected(Log, _tableId, new TableLog.RoundId(_tableId, roundNo), betId, reason, detail);
        replyTo.Tell(new TableReply.BetRejected(_tableId, roundNo, betId, reason, detail));
    }

    private bool AddWaiter(long betNo, IActorRef replyTo)
    {
        if (!_waiters.TryGetValue(betNo, out var list))
        {
            _waiters[betNo] = list = new List<IActorRef>(1);
        }

        if (list.Count >= WaitersPerBetMax)
        {
            return false;
        }

        list.Add(replyTo);
        return true;
    }

    private void AnswerWaiters(long betNo, TableReply reply)
    {
        if (_waiters.Remove(betNo, out var list))
        {
            foreach (var waiter in list)
            {
                waiter.Tell(reply, Self);
            }
        }
    }

    /// <summary>Asks the wallet to reserve a recorded bet's stake (again, after a timeout or restart: same operation id).</summary>
    private void SendReservation(RoundState round, BetRequest bet)
    {
        var id = WalletOperationIds.Reservation(_tableId, round.RoundNo, bet.BetNo);
        _reservations[id] = bet.BetNo;
        _reserveSentAt[bet.BetNo] = _time.GetTimestamp();
        var expires = round.ClosesAt + _options.ReservationHoldAfterClose;
        _walletSend(bet.PlayerId, new ReserveBet(id, new Money(bet.Stake, round.Currency), expires, WalletOperationIds.Reference(_tableId, round.RoundNo, bet.BetId)), Self);
        EnsureSweep();
    }

    private void OnReservationAnswered(long betNo, WalletReply reply)
    {
        var round = _state.Current;
        if (round is null || !round.Bets.TryGetValue(betNo, out var bet) || bet.Status != BetStatus.Pending || !_buffer.Decide(betNo))
        {
            return; // decided already (a repeat answer, or refused at close and voided)
        }

        var now = Now;
        var decision = ReservationDecision.Decide(round.Phase, round.ClosesAt, now, reply);
        if (decision.Rejection is { } reason)
        {
            _buffer.Rejects.Add(new RejectedBet(betNo, reason, decision.Release));
        }
        else
        {
            _buffer.Accepts.Add(new AcceptedBet(betNo, now));
        }

        ScheduleFlush();
    }

    private void ScheduleFlush()
    {
        if (!_flushScheduled)
        {
            // Behind everything already queued: decisions taken meanwhile share the write.
            _flushScheduled = true;
            Self.Tell(TableSignal.Flush.Instance);
        }
    }

    private void OnFlush()
    {
        _flushScheduled = false;
        if (!_buffer.IsEmpty)
        {
            PersistBuffer([]);
        }
    }
}
