namespace LiveCasino.Wallets.Protocol;

/// <summary>
/// An amount in integer minor units (cents) of one ISO 4217 currency. Never a floating point.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public override string ToString() => $"{Minor} {Currency} minor";
}
