using LiveCasino.Stores.Serialization;

namespace LiveCasino.Server.Accounts;

/// <summary>Registers the account events and snapshot under stable manifests: never change one; a new shape gets ".v2".</summary>
public static class AccountSerialization
{
    public static EventSerializer RegisterAccountTypes(this EventSerializer s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = AccountJsonContext.Default;
        return s
            .Register("account.registered.v1", c.AccountRegistered)
            .Register("account.secret-changed.v1", c.SecretChanged)
            .Register("account.session-started.v1", c.SessionStarted)
            .Register("account.session-refreshed.v1", c.SessionRefreshed)
            .Register("account.session-ended.v1", c.SessionEnded)
            .Register("account.disabled.v1", c.AccountDisabled)
            .Register("account.snapshot.v1", c.AccountSnapshot);
    }
}
