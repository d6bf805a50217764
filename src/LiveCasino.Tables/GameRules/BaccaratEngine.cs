using LiveCasino.Games.Baccarat;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.GameRules;

internal sealed class BaccaratEngine(TableConfig config) : GameEngine(config)
{
    private readonly BaccaratRules _rules = new();

    public override bool UsesCards => true;

    public override BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> playerLines) => _rules.Validate(bet, limits, playerLines);

    public override CardCheck CheckCard(IReadOnlyList<DealtCard> dealt, Card card, BaccaratHand? placedOn)
    {
        var step = DealOf(dealt).Accept(card, placedOn);
        return step.Rejection switch
        {
            DealRejection.None => CardCheck.To(HandName(step.Hand!.Value)),
            DealRejection.InvalidCard => CardCheck.Refuse(TableRejection.InvalidCard, $"{card} is not a card."),
            DealRejection.RoundComplete => CardCheck.Refuse(TableRejection.DealComplete, "Both hands are complete."),
            var rule => CardCheck.Refuse(TableRejection.BreaksDrawingRules, $"{card}: {rule}."),
        };
    }

    public override bool IsComplete(IReadOnlyList<DealtCard> dealt) => DealOf(dealt).IsComplete;

    public override RoundResult ResultOf(IReadOnlyList<DealtCard> dealt)
    {
        var outcome = DealOf(dealt).Outcome;
        return new RoundResult(
            GameKind.Baccarat,
            outcome.Winner.ToString().ToLowerInvariant(),
            null,
            null,
            [.. dealt],
            outcome.PlayerTotal,
            outcome.BankerTotal,
            outcome.PlayerPair,
            outcome.BankerPair,
            false);
    }

    public override RoundSettlement Settle(IReadOnlyList<Bet> bets, RoundResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var deal = DealOf(result.Cards ?? []);
        return _rules.Settle(bets, deal.Outcome, (BaccaratPaytable)Paytable);
    }

    private static BaccaratDeal DealOf(IReadOnlyList<DealtCard> dealt)
    {
        var deal = BaccaratDeal.Empty;
        foreach (var d in dealt)
        {
            var step = deal.Accept(Card.Parse(d.Card));
            if (!step.IsAccepted)
            {
                throw new InvalidOperationException($"Recorded card {d.Position} ({d.Card}) breaks the deal: {step.Rejection}.");
            }

            deal = step.Deal;
        }

        return deal;
    }

    private static string HandName(BaccaratHand hand) => hand == BaccaratHand.Player ? "player" : "banker";
}
