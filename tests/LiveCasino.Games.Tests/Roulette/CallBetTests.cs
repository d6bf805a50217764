using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Roulette;

public sealed class CallBetTests
{
    private static readonly RouletteRules Rules = new();

    [Fact]
    public void Voisins_du_zero_is_nine_chips_in_the_published_layout()
    {
        AssertLayout(CallBets.VoisinsDuZero, 9,
            ("trio:0-2-3", 2), ("split:4-7", 1), ("split:12-15", 1), ("split:18-21", 1), ("split:19-22", 1),
            ("split:32-35", 1), ("corner:25-26-28-29", 2));
    }

    [Fact]
    public void Tiers_du_cylindre_is_six_splits()
    {
        AssertLayout(CallBets.TiersDuCylindre, 6,
            ("split:5-8", 1), ("split:10-11", 1), ("split:13-16", 1), ("split:23-24", 1), ("split:27-30", 1), ("split:33-36", 1));
    }

    [Fact]
    public void Orphelins_is_straight_1_and_four_splits()
    {
        AssertLayout(CallBets.Orphelins, 5,
            ("straight:1", 1), ("split:6-9", 1), ("split:14-17", 1), ("split:17-20", 1), ("split:31-34", 1));
    }

    [Fact]
    public void The_three_sections_cover_the_wheel_exactly_once_in_contiguous_arcs()
    {
        var wheel = RouletteWheel.European;
        int[] Covered(IReadOnlyList<CallBetPart> parts) =>
            [.. parts.SelectMany(p => RouletteLayout.Resolve(p.Spot).Numbers).Distinct().Order()];

        var voisins = Covered(CallBets.VoisinsDuZero);
        var tiers = Covered(CallBets.TiersDuCylindre);
        var orphelins = Covered(CallBets.Orphelins);
        Assert.Equal(17, voisins.Length);
        Assert.Equal(12, tiers.Length);
        Assert.Equal(8, orphelins.Length);
        Assert.Equal(Enumerable.Range(0, 37), voisins.Concat(tiers).Concat(orphelins).Order());

        // Voisins is the 17 pockets from 22 round to 25 across zero; tiers the 12 opposite, from 27 to 33.
        int[] Arc(int from, int length) =>
            [.. Enumerable.Range(wheel.PositionOf[from], length).Select(i => wheel.Order[i % 37]).Order()];
        Assert.Equal(Arc(22, 17), voisins);
        Assert.Equal(Arc(27, 12), tiers);
    }

    [Theory]
    [InlineData(0, 2, "3 26 0 32 15")]
    [InlineData(26, 2, "35 3 26 0 32")]
    [InlineData(5, 1, "10 5 24")]
    [InlineData(17, 0, "17")]
    public void Neighbours_take_n_pockets_each_side_on_the_wheel(int number, int eachSide, string expected)
    {
        var parts = CallBets.Neighbours(number, eachSide, RouletteWheel.European);
        Assert.Equal(expected.Split(' ').Select(n => "straight:" + n), parts.Select(p => p.Spot.Value));
        Assert.All(parts, p => Assert.Equal(1, p.Chips));
    }

    [Fact]
    public void Neighbours_beyond_half_the_wheel_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CallBets.Neighbours(0, 19, RouletteWheel.European));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallBets.Neighbours(37, 2, RouletteWheel.European));
    }

    private static void AssertLayout(IReadOnlyList<CallBetPart> parts, int chips, params (string Spot, int Chips)[] expected)
    {
        Assert.Equal(expected, parts.Select(p => (p.Spot.Value, p.Chips)));
        Assert.Equal(chips, parts.Sum(p => p.Chips));
        Assert.All(parts, p => Assert.Equal(
            BetVerdict.Accepted, Rules.Validate(new Bet(new BetId(1), p.Spot, p.StakeFor(5)), TestCards.WideLimits, [])));
    }
}
