using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Roulette;

public sealed class RouletteLayoutTests
{
    [Fact]
    public void Layout_has_the_expected_number_of_spots_of_each_kind()
    {
        var byKind = RouletteLayout.Spots.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(37, byKind[RouletteBetKind.Straight]);
        Assert.Equal(60, byKind[RouletteBetKind.Split]);
        Assert.Equal(12, byKind[RouletteBetKind.Street]);
        Assert.Equal(2, byKind[RouletteBetKind.Trio]);
        Assert.Equal(23, byKind[RouletteBetKind.Corner]);
        Assert.Equal(11, byKind[RouletteBetKind.SixLine]);
        Assert.Equal(3, byKind[RouletteBetKind.Dozen]);
        Assert.Equal(3, byKind[RouletteBetKind.Column]);
        Assert.Equal(157, RouletteLayout.Spots.Length);
        Assert.Equal(RouletteLayout.Spots.Length, RouletteLayout.Spots.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("straight:0", 35)]
    [InlineData("split:0-2", 17)]
    [InlineData("street:34-35-36", 11)]
    [InlineData("trio:0-1-2", 11)]
    [InlineData("corner:0-1-2-3", 8)]
    [InlineData("corner:32-33-35-36", 8)]
    [InlineData("sixline:31-32-33-34-35-36", 5)]
    [InlineData("dozen:3", 2)]
    [InlineData("column:2", 2)]
    [InlineData("black", 1)]
    public void Spots_carry_their_published_payout(string spot, long odds)
    {
        var listed = new RouletteRules().Spots(RoulettePaytable.European).Single(s => s.Id.Value == spot);
        Assert.Equal(Payout.ToOne(odds), listed.Payout);
    }

    [Theory]
    [InlineData("split:1-5")]
    [InlineData("split:3-4")]
    [InlineData("split:0-4")]
    [InlineData("street:2-3-4")]
    [InlineData("trio:0-1-3")]
    [InlineData("corner:3-4-6-7")]
    [InlineData("corner:1-2-3-4")]
    [InlineData("sixline:2-3-4-5-6-7")]
    public void Well_formed_bets_that_are_not_on_the_layout_are_refused_as_geometry(string spot)
    {
        var verdict = new RouletteRules().Validate(TestCards.Bet(spot, 10), TestCards.WideLimits, []);
        Assert.Equal(BetVerdict.NotALayoutGeometry, verdict);
    }

    [Theory]
    [InlineData("split:7-4")]
    [InlineData("sixline:34-35-36-1-2-3")]
    [InlineData("straight:37")]
    [InlineData("straight:07")]
    [InlineData("green")]
    [InlineData("dozen:4")]
    [InlineData("")]
    public void Misspelled_or_impossible_spots_are_unknown(string spot)
    {
        Assert.Equal(BetVerdict.UnknownSpot, new RouletteRules().Validate(TestCards.Bet(spot, 10), TestCards.WideLimits, []));
    }

    [Fact]
    public void Red_and_black_split_1_to_36_evenly_and_zero_is_neither()
    {
        Assert.Equal(18, Enumerable.Range(1, 36).Count(RouletteLayout.IsRed));
        Assert.Equal(18, Enumerable.Range(1, 36).Count(RouletteLayout.IsBlack));
        Assert.False(RouletteLayout.IsRed(0) || RouletteLayout.IsBlack(0));
    }

    [Fact]
    public void European_wheel_is_the_published_order_and_rejects_a_bad_one()
    {
        Assert.Equal(
            "0 32 15 19 4 21 2 25 17 34 6 27 13 36 11 30 8 23 10 5 24 16 33 1 20 14 31 9 22 18 29 7 28 12 35 3 26",
            string.Join(' ', RouletteWheel.European.Order));
        Assert.Throws<ArgumentException>(() => RouletteWheel.Create([.. Enumerable.Range(0, 36)]));
        Assert.Throws<ArgumentException>(() => RouletteWheel.Create([.. Enumerable.Range(0, 36), 5]));
    }
}
