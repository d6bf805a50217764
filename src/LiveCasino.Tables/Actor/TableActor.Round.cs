using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>The round's frame: configure, open, close (timer or dealer), void, resume after a restart, seal.</summary>
internal sealed partial class TableActor
{
    private const int ReasonLengthMax = 256;

    private void OnConfigure(TableCommand.Configure cmd, IActorRef replyTo)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(cmd.Config);
            cmd.Config.Validate();
        }
        catch (ArgumentException ex)
        {
            Refuse(replyTo, "configure", null, TableRejection.InvalidConfig, ex.Message);
            return;
        }

        if (_state.RoundInProgress)
        {
            Refuse(replyTo, "configure", null, TableRejection.RoundInProgress, $"round {_state.LastRoundNo} is {_state.Phase}");
            return;
        }

        if (_state.Config == cmd.Config)
        {
            Accepted(replyTo, "configure (unchanged)");
            return;
        }

        EnsureSealed(() =>
        {
            var now = Now;
            PersistBuffer([new TableConfigured(_state.LastRoundNo, now, _state.StudioTimeOf(now), cmd.Config, Trim(cmd.By))], () => Accepted(replyTo, "configure"));
        });
    }

    private void OnOpenRound(TableCommand.OpenRound cmd, IActorRef replyTo)
    {
        if (Check(cmd.Stamp, replyTo, "open-round") is not { } config)
        {
            return;
        }

        if (_state.RoundInProgress)
        {
            Refuse(replyTo, "open-round", cmd.Stamp, TableRejection.RoundInProgress, $"round {_state.LastRoundNo} is {_state.Phase}");
            return;
        }

        if (_state.Engine!.UsesCards)
        {
            var step = _state.Shoe?.Try(ShoeOp.StartRound);
            if (step is null || !step.IsAccepted)
            {
                var reason = step?.Rejection switch
                {
                    null or Games.Cards.ShoeRejection.BurnIncomplete => TableRejection.BurnIncomplete,
                    _ => TableRejection.ShoeFinished,
                };
                Refuse(replyTo, "open-round", cmd.Stamp, reason, step is null ? "no shoe: change the shoe first" : step.Rejection.ToString());
                return;
            }
        }

        EnsureSealed(() =>
        {
            var now = Now;
            var roundNo = _state.LastRoundNo + 1;
            var closesAt = now + config.BettingWindow;
            PersistBuffer([new RoundOpened(roundNo, now, cmd.Stamp.StudioAt, closesAt, config.Paytable, cmd.Stamp.By)], () =>
            {
                _lastBetNo = 0;
                _timers.StartSingleTimer(CloseTimer, new TableSignal.CloseTimerFired(roundNo), closesAt);
                TableLog.RoundEvent(Log, _tableId, new TableLog.RoundId(_tableId, roundNo), "opened", cmd.Stamp.By);
                Accepted(replyTo, "open-round");
            });
        });
    }

    private void OnCloseTimer(long roundNo)
    {
        var round = _state.Current;
        if (round is null || round.RoundNo != roundNo || round.Phase != RoundPhase.BettingOpen)
        {
            return;
        }

        if (Now < round.ClosesAt)
        {
            // A timer can only be early after a restart re-armed it; wait for the rest.
            _timers.StartSingleTimer(CloseTimer, new TableSignal.CloseTimerFired(roundNo), round.ClosesAt);
            return;
        }

        Close(round, "timer", _state.StudioTimeOf(Now));
    }

    private void OnCloseBets(TableCommand.CloseBets cmd, IActorRef replyTo)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, "close-bets") is not { } round)
        {
            return;
        }

        if (round.Phase != RoundPhase.BettingOpen)
        {
            if (round.Phase is RoundPhase.BettingClosed or RoundPhase.Dealing or RoundPhase.ResultConfirmed or RoundPhase.Settled)
            {
                Accepted(replyTo, "close-bets (already closed)");
            }
            else
            {
                Refuse(replyTo, "close-bets", cmd.Stamp, TableRejection.BettingNotOpen, round.Phase.ToString());
            }

            return;
        }

        Close(round, cmd.Stamp.By, cmd.Stamp.StudioAt, () => Accepted(replyTo, "close-bets"));
    }

    /// <summary>"No more bets": decisions taken before now are kept, everything undecided is refused and released.</summary>
    private void Close(RoundState round, string by, DateTimeOffset studioAt, Action? then = null)
    {
        _timers.Cancel(CloseTimer);
        RefuseUndecided(BetRejection.BettingClosed);
        PersistBuffer([new BettingClosed(round.RoundNo, Now, studioAt, by)], () =>
        {
            TableLog.RoundEvent(Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), "closed", by);
            then?.Invoke();
        });
    }

    private void OnVoidRound(TableCommand.VoidRound cmd, IActorRef replyTo)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, "void-round") is not { } round)
        {
            return;
        }

        if (!ValidReason(cmd.Reason))
        {
            Refuse(replyTo, "void-round", cmd.Stamp, TableRejection.Invalid, "a void needs a reason");
            return;
        }

        if (round.Phase == RoundPhase.Voided)
        {
            Accepted(replyTo, "void-round (already voided)");
            return;
        }

        if (round.Phase == RoundPhase.Settled)
        {
            Refuse(replyTo, "void-round", cmd.Stamp, TableRejection.AlreadySettled, "re-settle a settled round instead");
            return;
        }

        var phase = round.Phase;
        _timers.Cancel(CloseTimer);
        RefuseUndecided(BetRejection.RoundVoided);

        // Acceptances decided but not yet written would only be voided at once: refuse them instead.
        foreach (var accepted in _buffer.Accepts)
        {
            _buffer.Rejects.Add(new RejectedBet(accepted.BetNo, BetRejection.RoundVoided, Release: true));
        }

        _buffer.Accepts.Clear();
        PersistBuffer([new RoundVoided(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Reason, cmd.Stamp.By)], () => Seal(RecordKind.Round, round.RoundNo, () =>
        {
            _metrics.RoundVoided(_tableId, _state.Config!.Game, phase);
            TableLog.RoundEvent(Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), "voided: " + cmd.Reason, cmd.Stamp.By);
            Accepted(replyTo, "void-round");
        }));
    }

    /// <summary>After recovery: close a window that ran out meanwhile, re-arm the close timer, re-ask reservations, resend the outbox, seal.</summary>
    private void OnResume() => EnsureSealed(() =>
    {
        if (_state.Current is { Phase: RoundPhase.BettingOpen } round)
        {
            foreach (var bet in round.Pending.ToList())
            {
                SendReservation(round, bet.ToRequest());
            }

            if (Now >= round.ClosesAt)
            {
                Close(round, "timer", _state.StudioTimeOf(Now), DeliverNewOutboxEntries);
                return;
            }

            _timers.StartSingleTimer(CloseTimer, new TableSignal.CloseTimerFired(round.RoundNo), round.ClosesAt);
        }

        DeliverNewOutboxEntries();
    });

    /// <summary>Persists the seal a crash may have left out: the record ends with a settlement, void or re-settlement.</summary>
    private void EnsureSealed(Action then)
    {
        var round = _state.Current;
        if (round is { IsOver: true } && _chain.LastSealedRound < round.RoundNo && _chain.OpenEvents > 0)
        {
            Seal(RecordKind.Round, round.RoundNo, then);
        }
        else if (_chain.LastRecordedCorrection is { } corrected)
        {
            Seal(RecordKind.Correction, corrected, then);
        }
        else
        {
            then();
        }
    }

    private void Seal(RecordKind kind, long roundNo, Action then)
    {
        if (_chain.Pending() is not { } open)
        {
            then();
            return;
        }

        var now = Now;
        PersistEvents(new RoundSealed(roundNo, now, _state.StudioTimeOf(now), kind, open.Previous, open.Hash, open.First, open.Last, open.Events), then);
    }

    /// <summary>The configuration, when the stamp is well-formed and the table is configured; refuses otherwise.</summary>
    private Configuration.TableConfig? Check(DealerStamp stamp, IActorRef replyTo, string command)
    {
        if (stamp is null || !stamp.IsValid)
        {
            Refuse(replyTo, command, stamp, TableRejection.Invalid, "a dealer command names who issued it");
            return null;
        }

        if (_state.Config is not { } config)
        {
            Refuse(replyTo, command, stamp, TableRejection.NotConfigured, "configure the table first");
            return null;
        }

        return config;
    }

    /// <summary>The current round when <paramref name="roundNo"/> names it; refuses otherwise.</summary>
    private RoundState? CheckRound(long roundNo, DealerStamp stamp, IActorRef replyTo, string command)
    {
        if (Check(stamp, replyTo, command) is null)
        {
            return null;
        }

        var round = _state.Current;
        if (round is null)
        {
            Refuse(replyTo, command, stamp, TableRejection.NoRoundInProgress, "no round was opened");
            return null;
        }

        if (round.RoundNo != roundNo)
        {
            Refuse(replyTo, command, stamp, TableRejection.WrongRound, $"round {roundNo} is not the current round {round.RoundNo}");
            return null;
        }

        return round;
    }

    private static bool ValidReason(string? reason) => !string.IsNullOrWhiteSpace(reason) && reason.Length <= ReasonLengthMax;

    private static string Trim(string? text) => string.IsNullOrWhiteSpace(text) ? "?" : text.Length <= ReasonLengthMax ? text : text[..ReasonLengthMax];
}
