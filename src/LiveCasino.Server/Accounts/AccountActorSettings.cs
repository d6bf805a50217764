namespace LiveCasino.Server.Accounts;

/// <summary>Limits every account entity applies: the absolute session lifetime, the session count, and how often it snapshots.</summary>
public sealed record AccountActorSettings(TimeSpan SessionLifetime, int SessionsMax, int SnapshotEvery = 1_000)
{
    public AccountActorSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SessionLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionsMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotEvery, 1);
        return this;
    }
}
