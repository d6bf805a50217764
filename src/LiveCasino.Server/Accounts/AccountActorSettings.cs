namespace LiveCasino.Server.Accounts;

/// <summary>Limits every account actor applies: the absolute session lifetime and the session count.</summary>
public sealed record AccountActorSettings(TimeSpan SessionLifetime, int SessionsMax)
{
    public AccountActorSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SessionLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionsMax, 1);
        return this;
    }
}
