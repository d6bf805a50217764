using LiveCasino.Server.Accounts;

namespace LiveCasino.Server.Tests;

/// <summary>The account fold on its own: session bounds, expiry, rotation generations, snapshot round trip.</summary>
public sealed class AccountStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static AccountState Registered()
    {
        var state = new AccountState();
        state.Apply(new AccountRegistered("p-1", "alice", AccountRole.Player, null, "hash-1", T0));
        return state;
    }

    private static void Apply(AccountState state, IEnumerable<AccountEvent> events)
    {
        foreach (var e in events)
        {
            state.Apply(e);
        }
    }

    [Fact]
    public void Starting_beyond_the_limit_ends_the_oldest_active_sessions_first()
    {
        var state = Registered();
        Apply(state, state.StartSession("s1", T0, TimeSpan.FromHours(1), 2));
        Apply(state, state.StartSession("s2", T0.AddMinutes(1), TimeSpan.FromHours(1), 2));
        var third = state.StartSession("s3", T0.AddMinutes(2), TimeSpan.FromHours(1), 2);

        Assert.Equal(2, third.Count);
        Assert.Equal(new SessionEnded("s1", SessionEndReason.Evicted, T0.AddMinutes(2)), third[0]);
        Apply(state, third);
        Assert.Null(state.Active("s1", T0.AddMinutes(2)));
        Assert.NotNull(state.Active("s2", T0.AddMinutes(2)));
        Assert.NotNull(state.Active("s3", T0.AddMinutes(2)));
    }

    [Fact]
    public void Expired_sessions_are_inactive_and_dropped_at_the_next_start_without_evicting_anyone()
    {
        var state = Registered();
        Apply(state, state.StartSession("s1", T0, TimeSpan.FromMinutes(10), 1));
        Assert.Null(state.Active("s1", T0.AddMinutes(10)));
        var next = state.StartSession("s2", T0.AddMinutes(11), TimeSpan.FromMinutes(10), 1);
        Assert.IsType<SessionStarted>(Assert.Single(next));
        Apply(state, next);
        Assert.Equal(1, state.SessionCount);
    }

    [Fact]
    public void Refreshes_advance_the_generation_and_a_secret_change_the_credential_version()
    {
        var state = Registered();
        Apply(state, state.StartSession("s1", T0, TimeSpan.FromHours(1), 5));
        state.Apply(new SessionRefreshed("s1", 2, T0.AddMinutes(1)));
        state.Apply(new SessionRefreshed("s1", 3, T0.AddMinutes(2)));
        Assert.Equal(3, state.Active("s1", T0.AddMinutes(2))!.Generation);

        state.Apply(new SecretChanged("hash-2", false, T0.AddMinutes(3)));
        Assert.Equal((2, "hash-2"), (state.CredentialVersion, state.SecretHash));
    }

    [Fact]
    public void A_snapshot_restores_the_same_state_and_a_disabled_account_has_no_active_session()
    {
        var state = Registered();
        Apply(state, state.StartSession("s1", T0, TimeSpan.FromHours(1), 5));
        Apply(state, state.StartSession("s2", T0, TimeSpan.FromHours(1), 5));
        state.Apply(new SessionRefreshed("s2", 2, T0));
        var copy = new AccountState();
        copy.Restore(state.ToSnapshot());
        Assert.Equal(state.View(T0), copy.View(T0));
        Assert.Equal(state.Active("s2", T0), copy.Active("s2", T0));
        Assert.Equal(state.ToSnapshot().Sessions.OrderBy(s => s.SessionId), copy.ToSnapshot().Sessions.OrderBy(s => s.SessionId));

        Apply(copy, [.. copy.EndSessionsExcept(null, SessionEndReason.Disabled, T0), new AccountDisabled("revoked", T0)]);
        Assert.Null(copy.Active("s1", T0));
        Assert.Equal(0, copy.SessionCount);
        Assert.True(copy.View(T0).Disabled);
    }
}
