using LiveCasino.Games.Baccarat;
using LiveCasino.Games.DragonTiger;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.GameRules;

internal sealed class DragonTigerEngine(TableConfig config) : GameEngine(config)
{
    private readonly DragonTigerRules _rules = new();

    public override bool UsesCards => true;

    public override BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> playerLines) => _rules.Validate(bet, limits, playerLines);

    public override CardCheck CheckCard(IReadOnlyList<DealtCard> dealt, Card card, BaccaratHand? placedOn)
    {
        if (!card.IsValid)
        {
            return CardCheck.Refuse(TableRejection.InvalidCard, $"{card} is not a card.");
        }

        return dealt.Count switch
        {
            0 => CardCheck.To("dragon"),
            1 => CardCheck.To("tiger"),
            _ => CardCheck.Refuse(TableRejection.DealComplete, "Dragon and Tiger each have their card."),
        };
    }

    public override bool IsComplete(IReadOnlyList<DealtCard> dealt) => dealt.Count == 2;

    public override RoundResult ResultOf(IReadOnlyList<DealtCard> dealt)
    {
        var outcome = OutcomeOf(dealt);
        return new RoundResult(GameKind.DragonTiger, outcome.Winner.ToString().ToLowerInvariant(), null, null, [.. dealt], null, null, false, false, outcome.IsSuitedTie);
    }

    public override RoundSettlement Settle(IReadOnlyList<Bet> bets, RoundResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _rules.Settle(bets, OutcomeOf(result.Cards ?? []), (DragonTigerPaytable)Paytable);
    }

    private static DragonTigerOutcome OutcomeOf(IReadOnlyList<DealtCard> dealt) =>
        dealt.Count == 2
            ? new DragonTigerOutcome(Card.Parse(dealt[0].Card), Card.Parse(dealt[1].Card))
            : throw new InvalidOperationException("A Dragon Tiger result has two cards.");
}
