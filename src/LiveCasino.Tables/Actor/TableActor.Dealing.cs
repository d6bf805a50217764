using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>Dealer input: cards, spins and the shoe; a complete result is confirmed and settled in one write.</summary>
internal sealed partial class TableActor
{
    private async ValueTask OnScanCardAsync(TableCommand.ScanCard cmd)
    {
        const string what = "scan-card";
        if (CheckRound(cmd.RoundNo, cmd.Stamp, cmd.ReplyTo, what) is not { } round)
        {
            return;
        }

        var engine = _state.Engine!;
        if (!engine.UsesCards)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.WrongGame, "a roulette table takes spins, not cards");
            return;
        }

        if (ResultPhaseRefusal(round) is { } refusal)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, refusal, round.Phase.ToString());
            return;
        }

        if (cmd.ReadingId is { } source && round.Cards.FirstOrDefault(c => c.Source == source) is { } read)
        {
            // The same reading again (a resend after a failure): the first answer stands.
            if (string.Equals(read.Card, cmd.Card, StringComparison.OrdinalIgnoreCase))
            {
                Accepted(cmd.ReplyTo, $"scan-card {read.Position} (repeat)");
            }
            else
            {
                Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"reading {source} was {read.Card}, not {cmd.Card}");
            }

            return;
        }

        var position = cmd.Position ?? round.Cards.Count + 1;
        if (position >= 1 && position <= round.Cards.Count)
        {
            // A repeat of a card already dealt is idempotent; another card there is a conflict (re-scan instead).
            var dealt = round.Cards[position - 1];
            if (string.Equals(dealt.Card, cmd.Card, StringComparison.OrdinalIgnoreCase))
            {
                Accepted(cmd.ReplyTo, $"scan-card {position} (repeat)");
            }
            else
            {
                Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"position {position} holds {dealt.Card}, not {cmd.Card}");
            }

            return;
        }

        if (round.Result is not null)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.DealComplete, "the result is confirmed");
            return;
        }

        if (position != round.Cards.Count + 1)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.UnknownPosition, $"expected position {round.Cards.Count + 1}, got {position}");
            return;
        }

        if (!Card.TryParse(cmd.Card, out var card))
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.InvalidCard, $"'{cmd.Card}' is not a card");
            return;
        }

        var check = engine.CheckCard(round.Cards, card, cmd.PlacedOn);
        if (check.Rejection is { } rule)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, rule, check.Detail);
            return;
        }

        var now = Now;
        var shoe = _state.Shoe!.Try(ShoeOp.Draw, card);
        if (shoe.Rejection == ShoeRejection.ImpossibleCard)
        {
            // Not counted, but this shoe cannot be trusted any more: flag it for good.
            await PersistBufferAsync([new ShoeFlagged(round.RoundNo, now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By)]).ConfigureAwait(false);
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.ImpossibleCard, $"{card}: no copy left in this shoe; the shoe is flagged");
            return;
        }

        if (!shoe.IsAccepted)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, shoe.Rejection == ShoeRejection.BurnIncomplete ? TableRejection.BurnIncomplete : TableRejection.ShoeFinished, shoe.Rejection.ToString());
            return;
        }

        var events = new List<TableEvent>();
        if (round.Phase == RoundPhase.BettingClosed)
        {
            events.Add(new DealingStarted(round.RoundNo, now, cmd.Stamp.StudioAt, cmd.Stamp.By));
        }

        var dealtCard = new DealtCard(position, card.ToString(), check.Hand, cmd.ReadingId);
        events.Add(new CardDealt(round.RoundNo, now, cmd.Stamp.StudioAt, dealtCard, cmd.Stamp.By));
        List<DealtCard> cards = [.. round.Cards, dealtCard];
        if (engine.IsComplete(cards))
        {
            await SettleAsync(events, round, engine.ResultOf(cards), cmd.Stamp).ConfigureAwait(false);
        }
        else
        {
            await PersistBufferAsync(events).ConfigureAwait(false);
        }

        Accepted(cmd.ReplyTo, $"scan-card {position} {check.Hand}");
    }

    private async ValueTask OnStartSpinAsync(TableCommand.StartSpin cmd)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, cmd.ReplyTo, "start-spin") is not { } round)
        {
            return;
        }

        if (_state.Engine!.UsesCards || ResultPhaseRefusal(round) is not null)
        {
            Refuse(cmd.ReplyTo, "start-spin", cmd.Stamp, _state.Engine.UsesCards ? TableRejection.WrongGame : ResultPhaseRefusal(round)!.Value, round.Phase.ToString());
            return;
        }

        if (round.Phase == RoundPhase.BettingClosed)
        {
            await PersistBufferAsync([new DealingStarted(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By)]).ConfigureAwait(false);
        }

        Accepted(cmd.ReplyTo, "start-spin");
    }

    private async ValueTask OnReportSpinAsync(TableCommand.ReportSpin cmd)
    {
        const string what = "report-spin";
        if (CheckRound(cmd.RoundNo, cmd.Stamp, cmd.ReplyTo, what) is not { } round)
        {
            return;
        }

        var engine = _state.Engine!;
        if (engine.UsesCards)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.WrongGame, "a card table takes cards, not spins");
            return;
        }

        if (ResultPhaseRefusal(round) is { } refusal)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, refusal, round.Phase.ToString());
            return;
        }

        if (round.Result is { } confirmed)
        {
            if (confirmed.Number == cmd.Number)
            {
                Accepted(cmd.ReplyTo, "report-spin (repeat)");
            }
            else
            {
                Refuse(cmd.ReplyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"{confirmed.Number} is confirmed; re-settle to change it");
            }

            return;
        }

        var (result, rejection, detail) = engine.CheckSpin(cmd.Number, cmd.Revolutions, cmd.Fault);
        if (rejection is { } refused)
        {
            Refuse(cmd.ReplyTo, what, cmd.Stamp, refused, detail);
            return;
        }

        var events = new List<TableEvent>();
        if (round.Phase == RoundPhase.BettingClosed)
        {
            events.Add(new DealingStarted(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By));
        }

        await SettleAsync(events, round, result!, cmd.Stamp).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, $"report-spin {cmd.Number}");
    }

    /// <summary>Results only once betting closed, and not for a voided round.</summary>
    private static TableRejection? ResultPhaseRefusal(RoundState round) => round.Phase switch
    {
        RoundPhase.BettingOpen => TableRejection.BettingStillOpen,
        RoundPhase.Voided => TableRejection.NoRoundInProgress,
        _ => null,
    };

    /// <summary>
    /// Confirms the result and its settlement (payouts from the games library) in one write after
    /// <paramref name="events"/>, then seals the round's record. Timed and traced from here, where
    /// the table holds the result, to the settlement written.
    /// </summary>
    private async ValueTask SettleAsync(List<TableEvent> events, RoundState round, RoundResult result, DealerStamp stamp)
    {
        var started = Context.Time.GetTimestamp();
        var game = _state.Config!.Game;
        var now = Now;
        var payouts = Payouts(round, result, round.Accepted);
        var settled = new RoundSettled(round.RoundNo, now, stamp.StudioAt, round.Paytable, payouts, payouts.Sum(p => p.Stake), payouts.Sum(p => p.Returned));
        events.Add(new ResultConfirmed(round.RoundNo, now, stamp.StudioAt, result, stamp.By));
        events.Add(settled);
        var span = TableTracing.StartSettlement(_tableId, round.RoundNo, game, payouts.Count);
        try
        {
            await PersistBufferAsync(events).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            span?.Dispose();
        }

        var latency = Context.Time.GetElapsedTime(started);
        _metrics.RoundSettled(_tableId, game, latency);
        var roundId = new TableLog.RoundId(_tableId, round.RoundNo);
        TableLog.RoundEvent(Context.Log, _tableId, roundId, "result " + result.Winner, stamp.By);
        TableLog.RoundSettled(Context.Log, _tableId, roundId, payouts.Count, settled.TotalStake, settled.TotalReturned, latency.TotalMilliseconds);
        await SealAsync(RecordKind.Round, round.RoundNo).ConfigureAwait(false);
    }

    /// <summary>What each bet returns under <paramref name="result"/>: its lines settled by the games library, summed.</summary>
    private List<BetPayout> Payouts(RoundState round, RoundResult result, IEnumerable<BetRecord> bets)
    {
        var ordered = bets.OrderBy(b => b.BetNo).ToList();
        var lines = new List<Bet>(ordered.Count);
        foreach (var bet in ordered)
        {
            for (var i = 0; i < bet.Lines.Count; i++)
            {
                lines.Add(GameEngine.LineBet(bet.BetNo, i, bet.Lines[i]));
            }
        }

        var settlement = GameEngine.For(_state.Config! with { Paytable = round.Paytable }).Settle(lines, result);
        var returned = new Dictionary<long, long>(ordered.Count);
        foreach (var line in settlement.Bets)
        {
            var betNo = GameEngine.BetNoOf(line.BetId);
            returned[betNo] = returned.GetValueOrDefault(betNo) + line.Returned;
        }

        return [.. ordered.Select(b => new BetPayout(b.BetNo, b.Stake, returned.GetValueOrDefault(b.BetNo)))];
    }

    private async ValueTask OnBurnCardAsync(TableCommand.BurnCard cmd)
    {
        if (CheckShoeCommand(cmd.Stamp, cmd.ReplyTo, "burn-card") is not { } shoe)
        {
            return;
        }

        if (!Card.TryParse(cmd.Card, out var card))
        {
            Refuse(cmd.ReplyTo, "burn-card", cmd.Stamp, TableRejection.InvalidCard, $"'{cmd.Card}' is not a card");
            return;
        }

        if (cmd.ReadingId is { } source && shoe.BurnSources.Contains(source))
        {
            Accepted(cmd.ReplyTo, "burn-card (repeat)");
            return;
        }

        var step = shoe.Try(ShoeOp.Burn, card);
        if (step.Rejection == ShoeRejection.ImpossibleCard)
        {
            await PersistBufferAsync([new ShoeFlagged(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By)]).ConfigureAwait(false);
            Refuse(cmd.ReplyTo, "burn-card", cmd.Stamp, TableRejection.ImpossibleCard, $"{card}: no copy left in this shoe; the shoe is flagged");
            return;
        }

        if (!step.IsAccepted)
        {
            Refuse(cmd.ReplyTo, "burn-card", cmd.Stamp, TableRejection.BurnNotExpected, step.Rejection.ToString());
            return;
        }

        await PersistBufferAsync([new CardBurned(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By, cmd.ReadingId)]).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, $"burn-card ({_state.Shoe!.Shoe.BurnsRemaining} to burn)");
    }

    private async ValueTask OnChangeShoeAsync(TableCommand.ChangeShoe cmd)
    {
        if (Check(cmd.Stamp, cmd.ReplyTo, "change-shoe") is not { } config)
        {
            return;
        }

        if (!_state.Engine!.UsesCards || _state.RoundInProgress)
        {
            Refuse(cmd.ReplyTo, "change-shoe", cmd.Stamp, _state.RoundInProgress ? TableRejection.RoundInProgress : TableRejection.WrongGame, _state.Phase.ToString());
            return;
        }

        await EnsureSealedAsync().ConfigureAwait(false);
        await PersistBufferAsync([new ShoeChanged(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, _state.ShoeCount + 1, config.Decks, cmd.Stamp.By)]).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, $"change-shoe {_state.ShoeCount}");
    }

    private async ValueTask OnReachCutCardAsync(TableCommand.ReachCutCard cmd)
    {
        if (CheckShoeCommand(cmd.Stamp, cmd.ReplyTo, "cut-card") is not { } shoe)
        {
            return;
        }

        var step = shoe.Try(ShoeOp.CutCard);
        if (!step.IsAccepted)
        {
            var reason = step.Rejection == ShoeRejection.CutCardAlreadyReached ? TableRejection.CutCardAlreadyReached : TableRejection.BurnIncomplete;
            Refuse(cmd.ReplyTo, "cut-card", cmd.Stamp, reason, step.Rejection.ToString());
            return;
        }

        await PersistBufferAsync([new CutCardReached(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By)]).ConfigureAwait(false);
        Accepted(cmd.ReplyTo, "cut-card");
    }

    private ShoeTracker? CheckShoeCommand(DealerStamp stamp, Actors.Core.ActorRef<TableReply> replyTo, string command)
    {
        if (Check(stamp, replyTo, command) is null)
        {
            return null;
        }

        if (!_state.Engine!.UsesCards || _state.Shoe is null)
        {
            Refuse(replyTo, command, stamp, _state.Engine.UsesCards ? TableRejection.BurnIncomplete : TableRejection.WrongGame, "no shoe: change the shoe first");
            return null;
        }

        return _state.Shoe;
    }
}
