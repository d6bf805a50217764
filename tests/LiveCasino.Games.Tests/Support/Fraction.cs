using System.Numerics;

namespace LiveCasino.Games.Tests.Support;

/// <summary>An exact rational, so RTP figures are compared without floating point.</summary>
internal readonly record struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        var sign = denominator.Sign;
        Numerator = sign * numerator / gcd;
        Denominator = sign * denominator / gcd;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Of(BigInteger numerator, BigInteger denominator) => new(numerator, denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public Fraction Subtract(Fraction other) => this - other;

    /// <summary>The value times 100, rounded half away from zero to <paramref name="decimals"/> places.</summary>
    public decimal Percent(int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = Numerator * 100 * scale * 2;
        var twice = BigInteger.Divide(scaled + (Denominator * (scaled.Sign >= 0 ? 1 : -1)), Denominator * 2);
        return (decimal)twice / (decimal)scale;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
