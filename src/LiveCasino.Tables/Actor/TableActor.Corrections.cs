using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// What a shift manager corrects: a mis-scanned card before the result (re-scan), and a settled
/// round whose recorded result differs from the video (re-settle with adjustment transfers). Each
/// names who and why, and each is part of the tamper-evident record.
/// </summary>
internal sealed partial class TableActor
{
    private void OnRescanCard(TableCommand.RescanCard cmd, IActorRef replyTo)
    {
        const string what = "rescan-card";
        if (CheckRound(cmd.RoundNo, cmd.Stamp, replyTo, what) is not { } round)
        {
            return;
        }

        var engine = _state.Engine!;
        if (!engine.UsesCards || !ValidReason(cmd.Reason))
        {
            Refuse(replyTo, what, cmd.Stamp, engine.UsesCards ? TableRejection.Invalid : TableRejection.WrongGame, "a re-scan needs a card game and a reason");
            return;
        }

        if (round.Result is not null || round.IsOver)
        {
            Refuse(replyTo, what, cmd.Stamp, round.Phase == RoundPhase.Voided ? TableRejection.NoRoundInProgress : TableRejection.AlreadySettled, "re-settle a settled round instead");
            return;
        }

        if (cmd.Position < 1 || cmd.Position > round.Cards.Count)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.UnknownPosition, $"{round.Cards.Count} cards are dealt");
            return;
        }

        if (!Card.TryParse(cmd.Card, out var card))
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.InvalidCard, $"'{cmd.Card}' is not a card");
            return;
        }

        var old = round.Cards[cmd.Position - 1];
        if (old.Card == card.ToString())
        {
            Accepted(replyTo, "rescan-card (same card)");
            return;
        }

        // The corrected cards must still be a valid deal, card by card, and fit the shoe.
        var cards = new List<DealtCard>();
        foreach (var dealt in round.Cards)
        {
            var next = dealt.Position == cmd.Position ? card : Card.Parse(dealt.Card);
            var check = engine.CheckCard(cards, next, null);
            if (check.Rejection is { } rule)
            {
                Refuse(replyTo, what, cmd.Stamp, rule, $"with {card} at {cmd.Position}: {check.Detail}");
                return;
            }

            cards.Add(dealt with { Card = next.ToString(), Hand = check.Hand });
        }

        if (_state.Shoe!.Replace(cmd.Position, card, commit: false) is var shoe && shoe != ShoeRejection.None)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.ImpossibleCard, $"{card} does not fit the shoe ({shoe})");
            return;
        }

        var events = new List<TableEvent> { new CardRescanned(round.RoundNo, Now, cmd.Stamp.StudioAt, cmd.Position, old.Card, card.ToString(), cmd.Stamp.By, cmd.Reason) };
        void Answer() => Accepted(replyTo, $"rescan-card {cmd.Position}: {old.Card} -> {card}");
        if (engine.IsComplete(cards))
        {
            Settle(events, round, engine.ResultOf(cards), cmd.Stamp, Answer);
        }
        else
        {
            PersistBuffer(events, Answer);
        }
    }

    private void OnResettleRound(TableCommand.ResettleRound cmd, IActorRef replyTo)
    {
        const string what = "resettle-round";
        if (Check(cmd.Stamp, replyTo, what) is null)
        {
            return;
        }

        if (!ValidReason(cmd.Reason))
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.Invalid, "a re-settlement needs a reason");
            return;
        }

        if (_state.RoundInProgress)
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.RoundInProgress, "corrections are made between rounds");
            return;
        }

        var round = _state.RoundOf(cmd.RoundNo);
        if (round is not { Phase: RoundPhase.Settled, Result: { } recorded })
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.NotCorrectable, round is null ? "the round is no longer kept in memory" : $"round is {round.Phase}");
            return;
        }

        var engine = _state.Engine!;
        var (corrected, rejection, detail) = engine.UsesCards
            ? engine.Replay(cmd.Cards ?? [])
            : engine.CheckSpin(cmd.Number ?? -1, recorded.Revolutions ?? _state.Config!.MinRevolutions, fault: false);
        if (rejection is { } refused)
        {
            Refuse(replyTo, what, cmd.Stamp, refused, detail);
            return;
        }

        if (corrected!.SameOutcomeAs(recorded))
        {
            Refuse(replyTo, what, cmd.Stamp, TableRejection.SameResult, "the corrected result is the recorded one");
            return;
        }

        var settled = round.Bets.Values.Where(b => b.Status == BetStatus.Settled).ToList();
        var payouts = Payouts(round, corrected, settled);
        var adjustments = new List<Adjustment>();
        foreach (var payout in payouts)
        {
            var bet = round.Bets[payout.BetNo];
            var difference = payout.Returned - (bet.Returned ?? 0);
            if (difference != 0)
            {
                adjustments.Add(new Adjustment(bet.BetNo, bet.PlayerId, difference));
            }
        }

        EnsureSealed(() =>
        {
            var correction = round.Corrections + 1;
            PersistBuffer([new RoundResettled(round.RoundNo, Now, cmd.Stamp.StudioAt, correction, corrected, payouts, adjustments, cmd.Stamp.By, cmd.Reason)], () => Seal(RecordKind.Correction, round.RoundNo, () =>
            {
                _metrics.RoundResettled(_tableId, _state.Config!.Game);
                TableLog.RoundEvent(Log, _tableId, new TableLog.RoundId(_tableId, round.RoundNo), "re-settled: " + cmd.Reason, cmd.Stamp.By);
                Accepted(replyTo, $"resettle-round {round.RoundNo}: {adjustments.Count} adjustments");
            }));
        });
    }
}
