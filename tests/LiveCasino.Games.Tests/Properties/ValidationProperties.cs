using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LiveCasino.Games.Baccarat;
using LiveCasino.Games.DragonTiger;
using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Properties;

public sealed class ValidationProperties
{
    private static readonly string[] Kinds = ["straight", "split", "street", "trio", "corner", "sixline"];

    private static readonly Gen<string> InsideLike =
        from kind in Gen.Elements(Kinds)
        from numbers in Gen.ArrayOf(Gen.Choose(-1, 38), kind switch { "straight" => 1, "split" => 2, "corner" => 4, "sixline" => 6, _ => 3 })
        from sorted in Gen.Elements(true, true, false)
        select kind + ":" + string.Join('-', (sorted ? [.. numbers.Order()] : numbers).Select(n => n.ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<string> AnySpot = Gen.OneOf(
        Generators.RouletteSpot,
        InsideLike,
        Gen.Elements("player", "banker", "tie", "player-pair", "banker-pair", "dragon", "tiger", "suited-tie"),
        Gen.Elements("", "Red", "split:07-8", "dozen:0", "column:4", "straight:", ":", "banker ", "PLAYER", "split:1-2-3"));

    private static readonly Gen<(BetLimits Limits, Bet[] Held, long Amount, string Spot)> Cases =
        from min in Gen.Choose(1, 100)
        from width in Gen.Choose(0, 1000)
        from roundMax in Gen.Choose(1, 4000)
        from betsMax in Gen.Choose(0, 5)
        from heldAmounts in Gen.ListOf(Gen.Choose(1, 600), 4).Select(l => l.Take(Math.Min(l.Count, 5)).ToArray())
        from heldCount in Gen.Choose(0, 4)
        from heldSpots in Gen.ArrayOf(Gen.Elements("red", "banker", "straight:0", "dragon"), 4)
        from amount in Gen.OneOf(Gen.Choose(-5, 0), Gen.Choose(1, 2000))
        from spot in AnySpot
        select (
            new BetLimits(new SpotLimit(min, min + width), roundMax, betsMax),
            heldAmounts.Take(heldCount).Select((a, i) => TestCards.Bet(heldSpots[i], a, i)).ToArray(),
            (long)amount,
            spot);

    [Fact]
    public void Roulette_validation_refuses_exactly_the_malformed_bets_with_the_right_reason()
    {
        var rules = new RouletteRules();
        PropertyRunner.Check(Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var spotVerdict = Oracles.Covered(c.Spot) is not null ? BetVerdict.Accepted
                : Oracles.ParseInside(c.Spot, out _) is not null ? BetVerdict.NotALayoutGeometry
                : BetVerdict.UnknownSpot;
            return rules.Validate(TestCards.Bet(c.Spot, c.Amount), c.Limits, c.Held) == Expected(spotVerdict, c);
        }), maxTest: 2000);
    }

    [Fact]
    public void Baccarat_and_dragon_tiger_validation_refuse_exactly_the_malformed_bets()
    {
        var baccarat = new BaccaratRules();
        var dragonTiger = new DragonTigerRules();
        PropertyRunner.Check(Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var bet = TestCards.Bet(c.Spot, c.Amount);
            var b = c.Spot is "player" or "banker" or "tie" or "player-pair" or "banker-pair" ? BetVerdict.Accepted : BetVerdict.UnknownSpot;
            var d = c.Spot is "dragon" or "tiger" or "tie" or "suited-tie" ? BetVerdict.Accepted : BetVerdict.UnknownSpot;
            return baccarat.Validate(bet, c.Limits, c.Held) == Expected(b, c)
                && dragonTiger.Validate(bet, c.Limits, c.Held) == Expected(d, c);
        }), maxTest: 2000);
    }

    // The documented order: spot, amount, bet count, spot minimum, spot maximum, round maximum.
    private static BetVerdict Expected(BetVerdict spotVerdict, (BetLimits Limits, Bet[] Held, long Amount, string Spot) c)
    {
        if (spotVerdict != BetVerdict.Accepted)
        {
            return spotVerdict;
        }

        if (c.Amount <= 0)
        {
            return BetVerdict.NonPositiveAmount;
        }

        if (c.Held.Length >= c.Limits.BetsPerRoundMax)
        {
            return BetVerdict.TooManyBets;
        }

        if (c.Amount < c.Limits.DefaultSpot.Min)
        {
            return BetVerdict.BelowSpotMin;
        }

        if (c.Amount + c.Held.Where(h => h.Spot.Value == c.Spot).Sum(h => h.Amount) > c.Limits.DefaultSpot.Max)
        {
            return BetVerdict.AboveSpotMax;
        }

        return c.Amount + c.Held.Sum(h => h.Amount) > c.Limits.RoundMax ? BetVerdict.AboveRoundMax : BetVerdict.Accepted;
    }
}
