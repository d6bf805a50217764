using LiveCasino.Games.Statistics;

namespace LiveCasino.Games.Tests.Statistics;

public sealed class GammaTests
{
    // Reference values from closed forms: Q(k, x) = e^-x Σ_{i<k} x^i / i! for integer k, Q(1/2, x) = erfc(√x).
    [Theory]
    [InlineData(36.0, 36, 0.46864766955533590)]
    [InlineData(51.0, 36, 0.04998513705115957)]
    [InlineData(4.0, 2, 0.1353352832366127)]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(4.0, 10, 0.9473469826562889)]
    [InlineData(0.0, 36, 1.0)]
    public void Chi_square_p_values_match_closed_forms(double statistic, int df, double expected)
    {
        Assert.Equal(expected, Gamma.ChiSquarePValue(statistic, df), 1e-12);
    }

    [Fact]
    public void Log_gamma_matches_factorials()
    {
        Assert.Equal(Math.Log(120), Gamma.LogGamma(6), 1e-12);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), Gamma.LogGamma(0.5), 1e-12);
        Assert.Equal(Enumerable.Range(1, 17).Sum(i => Math.Log(i)), Gamma.LogGamma(18), 1e-10);
    }

    [Fact]
    public void Upper_regularized_gamma_is_one_minus_lower_across_the_series_switch()
    {
        // Q(2, x) = (1 + x) e^-x: checked either side of x = a + 1 where the method changes.
        foreach (var x in new[] { 0.5, 2.9, 3.0, 3.1, 20.0 })
        {
            Assert.Equal((1 + x) * Math.Exp(-x), Gamma.RegularizedUpper(2, x), 1e-13);
        }
    }
}
