using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Persistence.Serialization;
using LiveCasino.Server.Accounts;

namespace LiveCasino.Server.Tests;

/// <summary>
/// Every message of the account region and every account event crosses Akka's serialization as
/// LiveCasino's serializer writes it, under a stable "account.*.v1" manifest, and reads back equal.
/// </summary>
public sealed class AccountMessagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly ActorSystem _system = ActorSystem.Create("accounts-serialization", HoconFiles.Load(HoconFiles.LocalFiles).Overrides(AccountSerialization.EngineHocon));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    public static TheoryData<object> Messages() => new()
    {
        new AccountCommand.Register("p-1", "alice", AccountRole.Player, null, "hash"),
        new AccountCommand.Register("con-1", "con-1", AccountRole.Dealer, "studio-1", "hash"),
        new AccountCommand.Get(),
        new AccountCommand.StartSession("s-1", 3),
        new AccountCommand.RefreshSession("r-1", "s-1", 2),
        new AccountCommand.CheckSession("s-1"),
        new AccountCommand.EndSession("r-2", "s-1"),
        new AccountCommand.ChangeSecret("r-3", 2, "hash-2", false, "s-1", true, SessionEndReason.PasswordChanged),
        new AccountCommand.Disable("r-4", "revoked"),
        new AccountReply(AccountOutcome.Ok, new AccountView("p-1", "alice", AccountRole.Player, null, At, false, 1, 2), new SessionView("s-1", 1, At, At.AddHours(1)), "hash"),
        new AccountReply(AccountOutcome.NotFound, null),
        new AccountRegistered("p-1", "alice", AccountRole.Player, null, "hash", At),
        new SessionEnded("s-1", SessionEndReason.RefreshReused, At) { RequestId = "r-1" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_account_message_round_trips_under_a_stable_manifest(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<LiveCasinoSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        Assert.Matches("^account\\.[a-z-]+\\.v1$", manifest);
        Assert.Equal(message, _system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest));
    }
}
