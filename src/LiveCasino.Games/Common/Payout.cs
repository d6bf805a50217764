namespace LiveCasino.Games.Common;

/// <summary>Odds "Numerator:Denominator" paid as winnings on top of the returned stake (35:1, 19:20 for 0.95:1).</summary>
public sealed record Payout
{
    public Payout(long numerator, long denominator)
    {
        if (numerator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "Odds can't be negative.");
        }

        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Denominator must be positive.");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public long Numerator { get; }

    public long Denominator { get; }

    public static Payout ToOne(long odds) => new(odds, 1);

    /// <summary>Winnings for a stake, rounded down to the minor unit: fractional odds round in the house's favour.</summary>
    public long WinningsFor(long stake)
    {
        if (stake < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stake), stake, "Stake can't be negative.");
        }

        // Int128 so that stake * numerator can't overflow before the division.
        return checked((long)((Int128)stake * Numerator / Denominator));
    }

    /// <summary>Stake plus winnings.</summary>
    public long ReturnFor(long stake) => checked(stake + WinningsFor(stake));

    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{Numerator}:{Denominator}");
}
