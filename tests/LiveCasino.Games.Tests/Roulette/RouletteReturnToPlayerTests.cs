using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Roulette;

public sealed class RouletteReturnToPlayerTests
{
    private const long Stake = 100;
    private static readonly RouletteRules Rules = new();

    public static TheoryData<string> AllSpots() => [.. RouletteLayout.Spots.Select(s => s.Id.Value)];

    [Theory]
    [MemberData(nameof(AllSpots))]
    public void Every_spot_returns_exactly_36_37_over_the_37_outcomes(string spot)
    {
        Assert.Equal(Fraction.Of(36, 37), ReturnToPlayer(spot, RoulettePaytable.European));
    }

    [Theory]
    [MemberData(nameof(AllSpots))]
    public void La_partage_gives_even_money_73_74_and_leaves_other_spots_at_36_37(string spot)
    {
        var expected = RouletteLayout.Resolve(new SpotId(spot)).IsEvenMoney ? Fraction.Of(73, 74) : Fraction.Of(36, 37);
        Assert.Equal(expected, ReturnToPlayer(spot, RoulettePaytable.EuropeanLaPartage));
    }

    [Fact]
    public void Published_edges_are_2_70_and_1_35_percent()
    {
        Assert.Equal(2.70m, (Fraction.Of(1, 1) - ReturnToPlayer("straight:17", RoulettePaytable.European)).Percent(2));
        Assert.Equal(1.35m, (Fraction.Of(1, 1) - ReturnToPlayer("red", RoulettePaytable.EuropeanLaPartage)).Percent(2));
    }

    private static Fraction ReturnToPlayer(string spot, RoulettePaytable paytable)
    {
        var bet = TestCards.Bet(spot, Stake);
        long returned = 0;
        for (var n = 0; n <= 36; n++)
        {
            returned += Rules.Settle([bet], new RouletteSpin(n, 5), paytable).TotalReturned;
        }

        return Fraction.Of(returned, 37 * Stake);
    }
}
