using System.Diagnostics;
using Akka.Actor;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>Dealer input: cards, spins and the shoe; a complete result is confirmed and settled in one write.</summary>
internal sealed partial class TableActor
{
    private Activity? _settlementSpan;

    private void OnScanCard(TableCommand.ScanCard cmd, IActorRef replyTo)
    {
        const string what = "scan-card";
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, what) is not { } round)
        {
            return;
        }

        var engine = _state.Engine!;
        if (!engine.UsesCards)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.WrongGame, "a roulette table takes spins, not cards");
            return;
        }

        if (ResultPhaseRefusal(round) is { } refusal)
        {
            Refuse(replyTo, what, cmd.Stamp, refusal, round.Phase.ToString());
            return;
        }

        if (cmd.ReadingId is { } source && round.Cards.FirstOrDefault(c => c.Source == source) is { } read)
        {
            // The same reading again (a resend after a failure): the first answer stands.
            if (string.Equals(read.Card, cmd.Card, StringComparison.OrdinalIgnoreCase))
            {
                Accepted(replyTo, $"scan-card {read.Position} (repeat)");
            }
            else
            {
                Refuse(replyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"reading {source} was {read.Card}, not {cmd.Card}");
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
                Accepted(replyTo, $"scan-card {position} (repeat)");
            }
            else
            {
                Refuse(replyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"position {position} holds {dealt.Card}, not {cmd.Card}");
            }

            return;
        }

        if (round.Result is not null)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.DealComplete, "the result is confirmed");
            return;
        }

        if (position != round.Cards.Count + 1)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.UnknownPosition, $"expected position {round.Cards.Count + 1}, got {position}");
            return;
        }

        if (!Card.TryParse(cmd.Card, out var card))
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.InvalidCard, $"'{cmd.Card}' is not a card");
            return;
        }

        var check = engine.CheckCard(round.Cards, card, cmd.PlacedOn);
        if (check.Rejection is { } rule)
        {
            Refuse(replyTo, what, cmd.Stamp, rule, check.Detail);
            return;
        }

        var now = Now;
        var shoe = _state.Shoe!.Try(ShoeOp.Draw, card);
        if (shoe.Rejection == ShoeRejection.ImpossibleCard)
        {
            // Not counted, but this shoe cannot be trusted any more: flag it for good.
            PersistBuffer([new ShoeFlagged(round.RoundNo, now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By)], () =>
                Refuse(replyTo, what, cmd.Stamp, TableRejection.ImpossibleCard, $"{card}: no copy left in this shoe; the shoe is flagged"));
            return;
        }

        if (!shoe.IsAccepted)
        {
            Refuse(replyTo, what, cmd.Stamp, shoe.Rejection == ShoeRejection.BurnIncomplete ? TableRejection.BurnIncomplete : TableRejection.ShoeFinished, shoe.Rejection.ToString());
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
        void Answer() => Accepted(replyTo, $"scan-card {position} {check.Hand}");
        if (engine.IsComplete(cards))
        {
            Settle(events, round, engine.ResultOf(cards), cmd.Stamp, Answer);
        }
        else
        {
            PersistBuffer(events, Answer);
        }
    }

    private void OnStartSpin(TableCommand.StartSpin cmd, IActorRef replyTo)
    {
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, "start-spin") is not { } round)
        {
            return;
        }

        if (_state.Engine!.UsesCards || ResultPhaseRefusal(round) is not null)
        {
            Refuse(replyTo, "start-spin", cmd.Stamp, _state.Engine.UsesCards ? TableRejection.WrongGame : ResultPhaseRefusal(round)!.Value, round.Phase.ToString());
            return;
        }

        if (round.Phase == RoundPhase.BettingClosed)
        {
            PersistBuffer([new DealingStarted(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By)], () => Accepted(replyTo, "start-spin"));
            return;
        }

        Accepted(replyTo, "start-spin");
    }

    private void OnReportSpin(TableCommand.ReportSpin cmd, IActorRef replyTo)
    {
        const string what = "report-spin";
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, what) is not { } round)
        {
            return;
        }

        var engine = _state.Engine!;
        if (engine.UsesCards)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.WrongGame, "a card table takes cards, not spins");
            return;
        }

        if (ResultPhaseRefusal(round) is { } refusal)
        {
            Refuse(replyTo, what, cmd.Stamp, refusal, round.Phase.ToString());
            return;
        }

        if (round.Result is { } confirmed)
        {
            if (confirmed.Number == cmd.Number)
            {
                Accepted(replyTo, "report-spin (repeat)");
            }
            else
            {
                Refuse(replyTo, what, cmd.Stamp, TableRejection.ConflictingResult, $"{confirmed.Number} is confirmed; re-settle to change it");
            }

            return;
        }

        var (result, rejection, detail) = engine.CheckSpin(cmd.Number, cmd.Revolutions, cmd.Fault);
        if (rejection is { } refused)
        {
            Refuse(replyTo, what, cmd.Stamp, refused, detail);
            return;
        }

        var events = new List<TableEvent>();
        if (round.Phase == RoundPhase.BettingClosed)
        {
            events.Add(new DealingStarted(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By));
        }

        Settle(events, round, result!, cmd.Stamp, () => Accepted(replyTo, $"report-spin {cmd.Number}"));
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
    private void Settle(List<TableEvent> events, RoundState round, RoundResult result, DealerStamp stamp, Action then)
    {
        var started = _time.GetTimestamp();
        var game = _state.Config!.Game;
        var now = Now;
        var payouts = Payouts(round, result, round.Accepted);
        var settled = new RoundSettled(round.RoundNo, now, stamp.StudioAt, round.Paytable, payouts, payouts.Sum(p => p.Stake), payouts.Sum(p => p.Returned));
        events.Add(new ResultConfirmed(round.RoundNo, now, stamp.StudioAt, result, stamp.By));
        events.Add(settled);

        // The span ends when the settlement is stored, a later message: it must not stay the thread's
        // current activity in between (StartActivity sets it, Stop resets it), so both are undone.
        // A failed write stops the table and PostStop ends the span as an error.
        var outer = Activity.Current;
        _settlementSpan = TableTracing.StartSettlement(_tableId, round.RoundNo, game, payouts.Count);
        Activity.Current = outer;
        PersistBuffer(events, () =>
        {
            var current = Activity.Current;
            _settlementSpan?.Dispose();
            _settlementSpan = null;
            Activity.Current = current;
            var latency = _time.GetElapsedTime(started);
            _metrics.RoundSettled(_tableId, game, latency);
            var roundId = new TableLog.RoundId(_tableId, round.RoundNo);
            TableLog.RoundEvent(Log, _tableId, roundId, "result " + result.Winner, stamp.By);
            TableLog.RoundSettled(Log, _tableId, roundId, payouts.Count, settled.TotalStake, settled.TotalReturned, latency.TotalMilliseconds);
            Seal(RecordKind.Round, round.RoundNo, then);
        });
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

    private void OnBurnCard(TableCommand.BurnCard cmd, IActorRef replyTo)
    {
        if (CheckShoeCommand(cmd.Stamp, replyTo, "burn-card") is not { } shoe)
        {
            return;
        }

        if (!Card.TryParse(cmd.Card, out var card))
        {
            Refuse(replyTo, "burn-card", cmd.Stamp, TableRejection.InvalidCard, $"'{cmd.Card}' is not a card");
            return;
        }

        if (cmd.ReadingId is { } source && shoe.BurnSources.Contains(source))
        {
            Accepted(replyTo, "burn-card (repeat)");
            return;
        }

        var step = shoe.Try(ShoeOp.Burn, card);
        if (step.Rejection == ShoeRejection.ImpossibleCard)
        {
            PersistBuffer([new ShoeFlagged(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By)], () =>
                Refuse(replyTo, "burn-card", cmd.Stamp, TableRejection.ImpossibleCard, $"{card}: no copy left in this shoe; the shoe is flagged"));
            return;
        }

        if (!step.IsAccepted)
        {
            Refuse(replyTo, "burn-card", cmd.Stamp, TableRejection.BurnNotExpected, step.Rejection.ToString());
            return;
        }

        PersistBuffer([new CardBurned(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, card.ToString(), cmd.Stamp.By, cmd.ReadingId)], () =>
            Accepted(replyTo, $"burn-card ({_state.Shoe!.Shoe.BurnsRemaining} to burn)"));
    }

    private void OnChangeShoe(TableCommand.ChangeShoe cmd, IActorRef replyTo)
    {
        if (Check(cmd.Stamp, replyTo, "change-shoe") is not { } config)
        {
            return;
        }

        if (!_state.Engine!.UsesCards || _state.RoundInProgress)
        {
            Refuse(replyTo, "change-shoe", cmd.Stamp, _state.RoundInProgress ? TableRejection.RoundInProgress : TableRejection.WrongGame, _state.Phase.ToString());
            return;
        }

        EnsureSealed(() => PersistBuffer([new ShoeChanged(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, _state.ShoeCount + 1, config.Decks, cmd.Stamp.By)], () =>
            Accepted(replyTo, $"change-shoe {_state.ShoeCount}")));
    }

    private void OnReachCutCard(TableCommand.ReachCutCard cmd, IActorRef replyTo)
    {
        if (CheckShoeCommand(cmd.Stamp, replyTo, "cut-card") is not { } shoe)
        {
            return;
        }

        var step = shoe.Try(ShoeOp.CutCard);
        if (!step.IsAccepted)
        {
            var reason = step.Rejection == ShoeRejection.CutCardAlreadyReached ? TableRejection.CutCardAlreadyReached : TableRejection.BurnIncomplete;
            Refuse(replyTo, "cut-card", cmd.Stamp, reason, step.Rejection.ToString());
            return;
        }

        PersistBuffer([new CutCardReached(_state.LastRoundNo, Now, cmd.Stamp.StudioAt, cmd.Stamp.By)], () => Accepted(replyTo, "cut-card"));
    }

    private ShoeTracker? CheckShoeCommand(DealerStamp stamp, IActorRef replyTo, string command)
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
