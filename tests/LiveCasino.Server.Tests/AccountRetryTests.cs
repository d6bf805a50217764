using Akka.Actor;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>
/// The account entity on Akka.NET (memory plugin, fake clock): a command sent again with the same
/// caller-made id — after a lost answer, a passivation or a restart from a snapshot — gets the first
/// answer's outcome and changes nothing, while a genuinely reused refresh token still revokes.
/// </summary>
public sealed class AccountRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = EntityBench.Patience;
    private readonly EntityBench _bench = new("accounts", AccountSerialization.EngineHocon);

    public Task InitializeAsync() => _bench.InitializeAsync();

    public Task DisposeAsync() => _bench.DisposeAsync();

    /// <summary>A fresh incarnation of the account (the previous one stopped, as after a passivation).</summary>
    private IActorRef Account(int snapshotEvery = 1_000) =>
        _bench.Start(AccountActor.Props("alice", new AccountActorSettings(TimeSpan.FromHours(8), 5, snapshotEvery), _bench.Time));

    private static Task<AccountReply> Ask(IActorRef account, AccountCommand command) => account.Ask<AccountReply>(command, Patience);

    private static Task StopAsync(IActorRef account) => EntityBench.StopAsync(account);

    private async Task<IActorRef> WithSessionAsync(int snapshotEvery = 1_000)
    {
        var account = Account(snapshotEvery);
        Assert.Equal(AccountOutcome.Ok, (await Ask(account, new AccountCommand.Register("p-1", "alice", AccountRole.Player, null, "hash"))).Outcome);
        Assert.Equal(1, (await Ask(account, new AccountCommand.StartSession("s-1", 1))).Session?.Generation);
        return account;
    }

    [Fact]
    public async Task A_refresh_sent_again_with_its_request_id_moves_the_session_once()
    {
        var account = await WithSessionAsync();
        var first = await Ask(account, new AccountCommand.RefreshSession("r-1", "s-1", 1));
        var again = await Ask(account, new AccountCommand.RefreshSession("r-1", "s-1", 1));
        Assert.Equal((AccountOutcome.Ok, 2), (first.Outcome, first.Session?.Generation));
        Assert.Equal((AccountOutcome.Ok, 2), (again.Outcome, again.Session?.Generation));
        Assert.True((await Ask(account, new AccountCommand.CheckSession("s-1"))).IsOk, "the session lives on");
    }

    [Fact]
    public async Task An_old_refresh_token_under_another_request_id_is_still_a_reuse_and_revokes()
    {
        var account = await WithSessionAsync();
        await Ask(account, new AccountCommand.RefreshSession("r-1", "s-1", 1));
        Assert.Equal(AccountOutcome.RefreshReused, (await Ask(account, new AccountCommand.RefreshSession("r-thief", "s-1", 1))).Outcome);
        Assert.Equal(AccountOutcome.SessionNotActive, (await Ask(account, new AccountCommand.CheckSession("s-1"))).Outcome);

        // The revoking request, retried, is answered as it was: a reuse.
        Assert.Equal(AccountOutcome.RefreshReused, (await Ask(account, new AccountCommand.RefreshSession("r-thief", "s-1", 1))).Outcome);
    }

    [Fact]
    public async Task Retries_after_a_passivation_get_the_first_outcome_and_change_nothing()
    {
        var account = await WithSessionAsync();
        await Ask(account, new AccountCommand.RefreshSession("r-1", "s-1", 1));
        await Ask(account, new AccountCommand.ChangeSecret("r-2", 1, "hash-2", false, "s-1", false, SessionEndReason.PasswordChanged));
        await StopAsync(account);

        var again = Account();
        Assert.Equal(AccountOutcome.Ok, (await Ask(again, new AccountCommand.Register("p-1", "alice", AccountRole.Player, null, "hash"))).Outcome);
        Assert.Equal(AccountOutcome.AlreadyExists, (await Ask(again, new AccountCommand.Register("p-2", "alice", AccountRole.Player, null, "hash"))).Outcome);
        Assert.Equal(AccountOutcome.Ok, (await Ask(again, new AccountCommand.StartSession("s-1", 1))).Outcome);
        var refreshAgain = await Ask(again, new AccountCommand.RefreshSession("r-1", "s-1", 1));
        Assert.Equal((AccountOutcome.Ok, 2), (refreshAgain.Outcome, refreshAgain.Session?.Generation));
        Assert.Equal(AccountOutcome.Ok, (await Ask(again, new AccountCommand.ChangeSecret("r-2", 1, "hash-2", false, "s-1", false, SessionEndReason.PasswordChanged))).Outcome);

        var view = (await Ask(again, new AccountCommand.Get())).Account!;
        Assert.Equal((2, 1), (view.CredentialVersion, view.ActiveSessions));
    }

    [Fact]
    public async Task Request_outcomes_survive_a_restart_from_a_snapshot()
    {
        var account = await WithSessionAsync(snapshotEvery: 1);
        await Ask(account, new AccountCommand.EndSession("r-end", "s-1"));
        await StopAsync(account);

        var again = Account(snapshotEvery: 1);
        Assert.Equal(AccountOutcome.Ok, (await Ask(again, new AccountCommand.EndSession("r-end", "s-1"))).Outcome);
        Assert.Equal(AccountOutcome.SessionNotActive, (await Ask(again, new AccountCommand.EndSession("r-other", "s-1"))).Outcome);
    }
}
