using LiveCasino.Actors.Persistence.EventSourcing;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// One account (a person or a studio console) and its sessions: an event-sourced actor keyed by the
/// normalized login, so registrations of one name meet here and the second is refused. Every state
/// change is persisted before it is applied and answered, so a revoked session stays revoked across
/// a crash. A session check is answered from memory: the state equals the persisted events.
/// Console accounts tag their events "console" so operators can list consoles from the journal.
/// </summary>
internal sealed class AccountActor(string key, AccountActorSettings settings) : EventSourcedActor<AccountCommand, AccountEvent>
{
    private static readonly IReadOnlyList<string> ConsoleTags = [AccountDirectory.ConsoleTag];
    private readonly AccountState _state = new();

    protected override string PersistenceId { get; } = AccountDirectory.PersistenceIdOf(key);

    protected override void ApplyEvent(AccountEvent @event) => _state.Apply(@event);

    protected override IReadOnlyList<string> TagsFor(AccountEvent @event) =>
        _state.Role == AccountRole.Dealer || @event is AccountRegistered { Role: AccountRole.Dealer } ? ConsoleTags : [];

    protected override object? CreateSnapshot() => _state.Exists ? _state.ToSnapshot() : null;

    protected override void ApplySnapshot(object snapshot) => _state.Restore((AccountSnapshot)snapshot);

    protected override async ValueTask HandleCommandAsync(AccountCommand command)
    {
        var now = Context.Time.GetUtcNow();
        if (command is AccountCommand.Register register)
        {
            if (_state.Exists)
            {
                register.ReplyTo.Tell(new AccountReply(AccountOutcome.AlreadyExists, null));
                return;
            }

            await PersistAsync(new AccountRegistered(register.AccountId, register.LoginName, register.Role, register.StudioId, register.SecretHash, now)).ConfigureAwait(false);
            register.ReplyTo.Tell(new AccountReply(AccountOutcome.Ok, _state.View(now)));
            return;
        }

        if (!_state.Exists)
        {
            command.ReplyTo.Tell(new AccountReply(AccountOutcome.NotFound, null));
            return;
        }

        var reply = await HandleExistingAsync(command, now).ConfigureAwait(false);
        command.ReplyTo.Tell(reply);
    }

    private async ValueTask<AccountReply> HandleExistingAsync(AccountCommand command, DateTimeOffset now)
    {
        switch (command)
        {
            case AccountCommand.Get:
                return new AccountReply(AccountOutcome.Ok, _state.View(now), SecretHash: _state.SecretHash);

            case AccountCommand.CheckSession check:
                return _state.Active(check.SessionId, now) is { } active
                    ? Ok(now, active)
                    : Outcome(_state.Disabled ? AccountOutcome.Disabled : AccountOutcome.SessionNotActive, now);

            case AccountCommand.StartSession start:
                if (_state.Disabled)
                {
                    return Outcome(AccountOutcome.Disabled, now);
                }

                if (start.CredentialVersion != _state.CredentialVersion)
                {
                    return Outcome(AccountOutcome.CredentialChanged, now);
                }

                await PersistAllAsync(_state.StartSession(start.SessionId, now, settings.SessionLifetime, settings.SessionsMax)).ConfigureAwait(false);
                return Ok(now, _state.Active(start.SessionId, now));

            case AccountCommand.RefreshSession refresh:
                if (_state.Active(refresh.SessionId, now) is not { } session)
                {
                    return Outcome(AccountOutcome.SessionNotActive, now);
                }

                if (refresh.Generation != session.Generation)
                {
                    // A spent refresh token came back: whoever holds the newer one may be the thief, so both lose.
                    await PersistAsync(new SessionEnded(refresh.SessionId, SessionEndReason.RefreshReused, now)).ConfigureAwait(false);
                    return Outcome(AccountOutcome.RefreshReused, now);
                }

                await PersistAsync(new SessionRefreshed(refresh.SessionId, session.Generation + 1, now)).ConfigureAwait(false);
                return Ok(now, _state.Active(refresh.SessionId, now));

            case AccountCommand.EndSession end:
                if (_state.Active(end.SessionId, now) is null)
                {
                    return Outcome(AccountOutcome.SessionNotActive, now);
                }

                await PersistAsync(new SessionEnded(end.SessionId, SessionEndReason.LoggedOut, now)).ConfigureAwait(false);
                return Outcome(AccountOutcome.Ok, now);

            case AccountCommand.ChangeSecret change:
                if (change.ExpectedCredentialVersion is { } expected && expected != _state.CredentialVersion)
                {
                    return Outcome(AccountOutcome.CredentialChanged, now);
                }

                var events = new List<AccountEvent> { new SecretChanged(change.SecretHash, change.Rehash, now) };
                if (change.EndOtherSessions)
                {
                    events.AddRange(_state.EndSessionsExcept(change.KeepSessionId, change.Reason, now));
                }

                await PersistAllAsync(events).ConfigureAwait(false);
                return Outcome(AccountOutcome.Ok, now);

            case AccountCommand.Disable disable:
                if (!_state.Disabled)
                {
                    await PersistAllAsync([.. _state.EndSessionsExcept(null, SessionEndReason.Disabled, now), new AccountDisabled(disable.Reason, now)]).ConfigureAwait(false);
                }

                return Outcome(AccountOutcome.Ok, now);

            default:
                throw new InvalidOperationException($"Unknown account command {command.GetType().Name}.");
        }
    }

    private AccountReply Ok(DateTimeOffset now, SessionSnapshot? session) =>
        new(AccountOutcome.Ok, _state.View(now), session is null ? null : new SessionView(session.SessionId, session.Generation, session.StartedAt, session.ExpiresAt));

    private AccountReply Outcome(AccountOutcome outcome, DateTimeOffset now) => new(outcome, _state.View(now));
}
