using FsCheck;
using FsCheck.Fluent;
using LiveCasino.Games.Baccarat;
using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Properties;

internal static class Generators
{
    public static Gen<Card> Card { get; } = Gen.Choose(0, 51).Select(Games.Cards.Card.FromIndex);

    /// <summary>Stakes from one minor unit to ten million, skewed small.</summary>
    public static Gen<long> Stake { get; } = Gen.OneOf(
        Gen.Choose(1, 1000).Select(x => (long)x),
        Gen.Choose(1, 10_000_000).Select(x => (long)x));

    public static Gen<string> RouletteSpot { get; } = Gen.Elements(RouletteLayout.Spots.Select(s => s.Id.Value).ToArray());

    /// <summary>A complete, legal baccarat deal: random cards fed to the machine until it is complete.</summary>
    public static Gen<BaccaratOutcome> BaccaratOutcome { get; } = Gen.ArrayOf(Card, 6).Select(cards =>
    {
        var deal = BaccaratDeal.Empty;
        foreach (var card in cards)
        {
            if (deal.IsComplete)
            {
                break;
            }

            deal = deal.Accept(card).Deal;
        }

        return deal.Outcome;
    });
}
