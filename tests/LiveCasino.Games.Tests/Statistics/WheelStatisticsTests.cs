using LiveCasino.Games.Statistics;

namespace LiveCasino.Games.Tests.Statistics;

public sealed class WheelStatisticsTests
{
    [Fact]
    public void A_perfectly_even_history_has_chi_square_zero_and_p_one()
    {
        int[] spins = [.. Enumerable.Range(0, 37 * 10).Select(i => i % 37)];
        var result = WheelStatistics.ChiSquare(spins);
        Assert.Equal((370, 0.0, 36), (result.Spins, result.Statistic, result.DegreesOfFreedom));
        Assert.Equal(1.0, result.PValue, 1e-12);
    }

    [Fact]
    public void A_wheel_favouring_one_number_is_flagged_with_a_tiny_p_value()
    {
        // 37 x 20 even spins plus 60 extra 17s: chi-square = Σ (o - e)^2 / e with e = 800 / 37.
        var spins = Enumerable.Range(0, 37 * 20).Select(i => i % 37).Concat(Enumerable.Repeat(17, 60)).ToArray();
        var result = WheelStatistics.ChiSquare(spins);
        var e = 800.0 / 37;
        var expected = (36 * (20 - e) * (20 - e) / e) + ((80 - e) * (80 - e) / e);
        Assert.Equal(expected, result.Statistic, 1e-9);
        Assert.Equal(162.0, result.Statistic, 1e-9);

        // Closed form for df = 36: e^-81 Σ_{i<18} 81^i / i! = 6.5448043e-18.
        Assert.Equal(6.5448043012446e-18, result.PValue, 1e-27);
    }

    [Fact]
    public void Hot_and_cold_look_only_at_the_last_n_spins_and_break_ties_by_number()
    {
        // Old history full of 5s must not count: the window is the last 6 spins.
        int[] spins = [5, 5, 5, 5, 5, 5, 5, 7, 7, 7, 3, 3, 9];
        var report = WheelStatistics.HotAndCold(spins, lastN: 6, take: 3);
        Assert.Equal(6, report.Spins);
        Assert.Equal([(7, 3), (3, 2), (9, 1)], report.Hot.Select(c => (c.Number, c.Hits)));
        Assert.Equal([0, 1, 2], report.Cold.Select(c => c.Number));
        Assert.Equal((3 - (6 / 37.0)) / Math.Sqrt(6 * (1 / 37.0) * (36 / 37.0)), report.Hot[0].ZScore, 1e-12);
    }

    [Fact]
    public void History_with_a_number_outside_0_36_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WheelStatistics.ChiSquare([1, 2, 37]));
    }
}
