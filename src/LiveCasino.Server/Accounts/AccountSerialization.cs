using LiveCasino.Sharding;
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
            .Register("account.snapshot.v1", c.AccountSnapshot)
            .Register("account.register.v1", c.Register)
            .Register("account.get.v1", c.Get)
            .Register("account.start-session.v1", c.StartSession)
            .Register("account.refresh-session.v1", c.RefreshSession)
            .Register("account.check-session.v1", c.CheckSession)
            .Register("account.end-session.v1", c.EndSession)
            .Register("account.change-secret.v1", c.ChangeSecret)
            .Register("account.disable.v1", c.Disable)
            .Register("account.reply.v1", c.AccountReply);
    }

    /// <summary>The engine's configuration for accounts: the region's messages and events go through LiveCasino's serializer.</summary>
    public static string EngineHocon { get; } = SerializationHocon.For("accounts", typeof(AccountCatalog), typeof(IAccountMessage), typeof(AccountEvent), typeof(AccountSnapshot));
}

/// <summary>The account types for Akka's LiveCasino serializer (named in <see cref="AccountSerialization.EngineHocon"/>).</summary>
public sealed class AccountCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer) => serializer.RegisterAccountTypes();
}
