using FsCheck;
using FsCheck.Fluent;
using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Properties;

public sealed class DealingProperties
{
    private static readonly Gen<(Card Card, BaccaratHand? Placed)[]> Sequences = Gen.ArrayOf(
        from card in Generators.Card
        from placed in Gen.Elements<BaccaratHand?>(null, BaccaratHand.Player, BaccaratHand.Banker)
        select (card, placed),
        9);

    [Fact]
    public void Any_card_that_breaks_the_drawing_rules_is_refused_and_every_legal_card_is_taken()
    {
        PropertyRunner.Check(Prop.ForAll(Sequences.ToArbitrary(), sequence =>
        {
            var deal = BaccaratDeal.Empty;
            var player = new List<Card>();
            var banker = new List<Card>();
            foreach (var (card, placed) in sequence)
            {
                var expected = Oracles.NextHand(player, banker) switch
                {
                    'P' => BaccaratHand.Player,
                    'B' => BaccaratHand.Banker,
                    _ => (BaccaratHand?)null,
                };
                var step = deal.Accept(card, placed);
                var legal = expected is not null && (placed is null || placed == expected);
                if (step.IsAccepted != legal)
                {
                    return false;
                }

                if (!legal)
                {
                    // A refused card leaves the deal exactly as it was.
                    if (!ReferenceEquals(step.Deal, deal))
                    {
                        return false;
                    }

                    continue;
                }

                (expected == BaccaratHand.Player ? player : banker).Add(card);
                if (step.Hand != expected)
                {
                    return false;
                }

                deal = step.Deal;
            }

            return deal.Player.SequenceEqual(player) && deal.Banker.SequenceEqual(banker)
                && deal.IsComplete == (Oracles.NextHand(player, banker) is null);
        }), maxTest: 3000);
    }

    [Fact]
    public void Recorded_hands_are_accepted_exactly_when_the_drawing_rules_produce_them()
    {
        var hands = from player in Gen.Choose(2, 3).SelectMany(n => Gen.ArrayOf(Generators.Card, n))
                    from banker in Gen.Choose(2, 3).SelectMany(n => Gen.ArrayOf(Generators.Card, n))
                    select (player, banker);
        PropertyRunner.Check(Prop.ForAll(hands.ToArbitrary(), h =>
        {
            var legal = Oracles.NextHand(h.player[..2], h.banker[..2]) switch
            {
                null => h.player.Length == 2 && h.banker.Length == 2,
                'P' => h.player.Length == 3 && (Oracles.NextHand(h.player, h.banker[..2]) == 'B') == (h.banker.Length == 3),
                _ => h.player.Length == 2 && h.banker.Length == 3,
            };
            var outcome = BaccaratOutcome.FromHands(h.player, h.banker);
            return (outcome is not null) == legal;
        }), maxTest: 3000);
    }
}
