namespace LiveCasino.Games.Common;

/// <summary>The caller's id for a bet; the rules never make ids, they only carry them into the settlement.</summary>
public readonly record struct BetId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
