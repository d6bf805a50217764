using LiveCasino.Actors.Core;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>The round's frame: configure, open, close (timer or dealer), void, resume after a restart, seal.</summary>
internal sealed partial class TableActor
{
    private const int ReasonLengthMax = 256;

    private async ValueTask OnConfigureAsync(TableCommand.Configure cmd)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(cmd.Config);
            cmd.Config.Validate();
        }
        catch (ArgumentException ex)
        {
            Refuse(cmd.ReplyTo, "configure", null, TableRejection.InvalidConfig, ex.Message);
            return;
        }

        if (_state.RoundInProgress)
        {
            Refuse(cmd.ReplyTo, "configure", null, TableRejection.RoundInProgress, $"round {_state.LastRoundNo} is {_state.Phase}");
            return;
        }

        if (_state.Config == cmd.Config)
        {
            Accepted(cmd.ReplyTo, "configure (unchanged)");
            return;
        }

        await EnsureSealedAsync().ConfigureAwait(false);
        var now = Now;
        await PersistBufferAsync([new TableConfigured(_state.LastRoundNo, now, _state.StudioTimeOf(now), cmd.Config, Trim(cmd.By))]).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, "configure");
    }

    private async ValueTask OnOpenRoundAsync(TableCommand.OpenRound cmd)
    {
        if (Check(cmd.Stamp, cmd.ReplyTo, "open-round") is not { } config)
        {
            return;
        }

        if (_state.RoundInProgress)
        {
            Refuse(cmd.ReplyTo, "open-round", cmd.Stamp, TableRejection.RoundInProgress, $"round {_state.LastRoundNo} is {_state.Phase}");
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
                Refuse(cmd.ReplyTo, "open-round", cmd.Stamp, reason, step is null ? "no shoe: change the shoe first" : step.Rejection.ToString());
                return;
            }
        }

        await EnsureSealedAsync().ConfigureAwait(false);
        var now = Now;
        var roundNo = _state.LastRoundNo + 1;
        await PersistBufferAsync([new RoundOpened(roundNo, now, cmd.Stamp.StudioAt, now + config.BettingWindow, config.Paytable, cmd.Stamp.By)]).ConfigureAwait(false);
        _lastBetNo = 0;
        Context.Timers.StartSingleTimer(CloseTimer, new TableCommand.CloseTimerFired(roundNo), config.BettingWindow);
        TableLog.RoundEvent(Context.Log, _tableId, new TableLog.RoundId(_tableId, roundNo), "opened", cmd.Stamp.By);
        Accepted(cmd.ReplyTo, "open-round");
    }

    private async ValueTask OnCloseTimerAsync(long roundNo)
    {
        var round = _state.Current;
        if (round is null || round.RoundNo != roundNo || round.Phase != RoundPhase.BettingOpen)
        {
            return;
        }

        if (Now < round.ClosesAt)
        {
            // A timer can only be early after a restart re-armed it; wait for the rest.
            Context.Timers.StartSingleTimer(CloseTimer, new TableCommand.CloseTimerFired(roundNo), round.ClosesAt - Now);
            return;
        }

        await CloseAsync(round, "timer", _state.StudioTimeOf(Now)).ConfigureAwait(false);
    }

    private async ValueTask OnCloseBetsAsync(TableCommand.CloseBets cmd)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, cmd.ReplyTo, "close-bets") is not { } round)
        {
            return;
        }

        if (round.Phase != RoundPhase.BettingOpen)
        {
            if (round.Phase is RoundPhase.BettingClosed or RoundPhase.Dealing or RoundPhase.ResultConfirmed or RoundPhase.Settled)
            {
                Accepted(cmd.ReplyTo, "close-bets (already closed)");
            }
            else
            {
                Refuse(cmd.ReplyTo, "close-bets", cmd.Stamp, TableRejection.BettingNotOpen, round.Phase.ToString());
            }

            return;
        }

        await CloseAsync(round, cmd.Stamp.By, cmd.Stamp.StudioAt).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, "close-bets");
    }

    /// <summary>"No more bets": decisions taken before now are kept, everything undecided is refused and released.</summary>
    private async ValueTask CloseAsync(RoundState round, string by, DateTimeOffset studioAt)
    {
        Context.Timers.Cancel(CloseTimer);
        RefuseUndecided(BetRejection.BettingClosed);
        await PersistBufferAsync([new BettingClosed(round.RoundNo, Now, studioAt, by)]).ConfigureAwait(false);
        TableLog.RoundEvent(Context.Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), "closed", by);
    }

    private async ValueTask OnVoidRoundAsync(TableCommand.VoidRound cmd)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, cmd.ReplyTo, "void-round") is not { } round)
        {
            return;
        }

        if (!ValidReason(cmd.Reason))
        {
            Refuse(cmd.ReplyTo, "void-round", cmd.Stamp, TableRejection.Invalid, "a void needs a reason");
            return;
        }

        if (round.Phase == RoundPhase.Voided)
        {
            Accepted(cmd.ReplyTo, "void-round (already voided)");
            return;
        }

        if (round.Phase == RoundPhase.Settled)
        {
            Refuse(cmd.ReplyTo, "void-round", cmd.Stamp, TableRejection.AlreadySettled, "re-settle a settled round instead");
            return;
        }

        var phase = round.Phase;
        Context.Timers.Cancel(CloseTimer);
        RefuseUndecided(BetRejection.RoundVoided);

        // Acceptances decided but not yet written would only be voided at once: refuse them instead.
        foreach (var accepted in _buffer.Accepts)
        {
            _buffer.Rejects.Add(new RejectedBet(accepted.BetNo, BetRejection.RoundVoided, Release: true));
        }

        _buffer.Accepts.Clear();
        await PersistBufferAsync([new RoundVoided(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Reason, cmd.Stamp.By)]).ConfigureAwait(false);
        await SealAsync(RecordKind.Round, round.RoundNo).ConfigureAwait(false);
        _metrics.RoundVoided(_tableId, _state.Config!.Game, phase);
        TableLog.RoundEvent(Context.Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), "voided: " + cmd.Reason, cmd.Stamp.By);
        Accepted(cmd.ReplyTo, "void-round");
    }

    /// <summary>After recovery: close a window that ran out meanwhile, re-arm the close timer, re-ask reservations, resend the outbox, seal.</summary>
    private async ValueTask OnResumeAsync()
    {
        await EnsureSealedAsync().ConfigureAwait(false);
        if (_state.Current is { Phase: RoundPhase.BettingOpen } round)
        {
            foreach (var bet in round.Pending.ToList())
            {
                SendReservation(round, bet.ToRequest());
            }

            if (Now >= round.ClosesAt)
            {
                await CloseAsync(round, "timer", _state.StudioTimeOf(Now)).ConfigureAwait(false);
            }
            else
            {
                Context.Timers.StartSingleTimer(CloseTimer, new TableCommand.CloseTimerFired(round.RoundNo), round.ClosesAt - Now);
            }
        }

        DeliverNewOutboxEntries();
    }

    /// <summary>Persists the seal a crash may have left out: the record ends with a settlement, void or re-settlement.</summary>
    private async ValueTask EnsureSealedAsync()
    {
        var round = _state.Current;
        if (round is { IsOver: true } && _chain.LastSealedRound < round.RoundNo && _chain.OpenEvents > 0)
        {
            await SealAsync(RecordKind.Round, round.RoundNo).ConfigureAwait(false);
        }
        else if (_chain.LastRecordedCorrection is { } corrected)
        {
            await SealAsync(RecordKind.Correction, corrected).ConfigureAwait(false);
        }
    }

    private async ValueTask SealAsync(RecordKind kind, long roundNo)
    {
        if (_chain.Pending() is not { } open)
        {
            return;
        }

        var now = Now;
        await PersistEventsAsync(new RoundSealed(roundNo, now, _state.StudioTimeOf(now), kind, open.Previous, open.Hash, open.First, open.Last, open.Events)).ConfigureAwait(false);
    }

    /// <summary>The configuration, when the stamp is well-formed and the table is configured; refuses otherwise.</summary>
    private Configuration.TableConfig? Check(DealerStamp stamp, ActorRef<TableReply> replyTo, string command)
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
    private RoundState? CheckRound(long roundNo, DealerStamp stamp, ActorRef<TableReply> replyTo, string command)
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
