using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using LiveCasino.Sharding;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// One account (a person or a studio console) and its sessions: a persistent entity of the account
/// region, keyed by the normalized login, so registrations of one name meet here and the second is
/// refused. Every state change is persisted before it is applied and answered, so a revoked session
/// stays revoked across a crash. A session check is answered from memory: the state equals the
/// persisted events. Console accounts tag their events "console" so operators can list consoles
/// from the journal. A snapshot is taken every <see cref="AccountActorSettings.SnapshotEvery"/> events.
/// </summary>
internal sealed class AccountActor : ReceivePersistentActor
{
    private static readonly string[] ConsoleTags = [AccountDirectory.ConsoleTag];
    private readonly AccountState _state = new();
    private readonly AccountActorSettings _settings;
    private readonly TimeProvider _time;
    private long _snapshotNr;

    public AccountActor(string key, AccountActorSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        PersistenceId = AccountDirectory.PersistenceIdOf(key);
        Recover<AccountEvent>(_state.Apply);
        Recover<SnapshotOffer>(offer =>
        {
            _state.Restore((AccountSnapshot)offer.Snapshot);
            _snapshotNr = offer.Metadata.SequenceNr;
        });
        Command<AccountCommand>(Handle);
        Command<EntityStop>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => Context.GetLogger().Warning(f.Cause, "Snapshot of {0} failed; recovery replays more events", PersistenceId));
    }

    public override string PersistenceId { get; }

    public static Props Props(string key, AccountActorSettings settings, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new AccountActor(key, settings, time));

    private void Handle(AccountCommand command)
    {
        var now = _time.GetUtcNow();
        if (command is AccountCommand.Register register)
        {
            if (_state.Exists)
            {
                // The same AccountId again is a retry of the registration that made this account.
                Sender.Tell(_state.AccountId == register.AccountId ? new AccountReply(AccountOutcome.Ok, _state.View(now)) : new AccountReply(AccountOutcome.AlreadyExists, null));
                return;
            }

            PersistThenReply(null, [new AccountRegistered(register.AccountId, register.LoginName, register.Role, register.StudioId, register.SecretHash, now)], () => new AccountReply(AccountOutcome.Ok, _state.View(now)));
            return;
        }

        if (!_state.Exists)
        {
            Sender.Tell(new AccountReply(AccountOutcome.NotFound, null));
            return;
        }

        if (RequestIdOf(command) is { } requestId && _state.OutcomeOf(requestId) is { } first)
        {
            // A retry of a request already applied: the first answer's outcome, nothing changes.
            Sender.Tell(command is AccountCommand.RefreshSession r && first == AccountOutcome.Ok ? Ok(now, _state.Active(r.SessionId, now)) : Outcome(first, now));
            return;
        }

        switch (command)
        {
            case AccountCommand.Get:
                Sender.Tell(new AccountReply(AccountOutcome.Ok, _state.View(now), SecretHash: _state.SecretHash));
                return;

            case AccountCommand.CheckSession check:
                Sender.Tell(_state.Active(check.SessionId, now) is { } active
                    ? Ok(now, active)
                    : Outcome(_state.Disabled ? AccountOutcome.Disabled : AccountOutcome.SessionNotActive, now));
                return;

            case AccountCommand.StartSession start:
                if (_state.Active(start.SessionId, now) is { } started)
                {
                    // The caller's session id is already started: a retry of the same start.
                    Sender.Tell(Ok(now, started));
                }
                else if (_state.Disabled)
                {
                    Sender.Tell(Outcome(AccountOutcome.Disabled, now));
                }
                else if (start.CredentialVersion != _state.CredentialVersion)
                {
                    Sender.Tell(Outcome(AccountOutcome.CredentialChanged, now));
                }
                else
                {
                    PersistThenReply(null, _state.StartSession(start.SessionId, now, _settings.SessionLifetime, _settings.SessionsMax), () => Ok(now, _state.Active(start.SessionId, now)));
                }

                return;

            case AccountCommand.RefreshSession refresh:
                if (_state.Active(refresh.SessionId, now) is not { } session)
                {
                    Sender.Tell(Outcome(AccountOutcome.SessionNotActive, now));
                }
                else if (refresh.Generation != session.Generation)
                {
                    // A spent refresh token came back: whoever holds the newer one may be the thief, so both lose.
                    PersistThenReply(refresh.RequestId, [new SessionEnded(refresh.SessionId, SessionEndReason.RefreshReused, now)], () => Outcome(AccountOutcome.RefreshReused, now));
                }
                else
                {
                    PersistThenReply(refresh.RequestId, [new SessionRefreshed(refresh.SessionId, session.Generation + 1, now)], () => Ok(now, _state.Active(refresh.SessionId, now)));
                }

                return;

            case AccountCommand.EndSession end:
                if (_state.Active(end.SessionId, now) is null)
                {
                    Sender.Tell(Outcome(AccountOutcome.SessionNotActive, now));
                }
                else
                {
                    PersistThenReply(end.RequestId, [new SessionEnded(end.SessionId, SessionEndReason.LoggedOut, now)], () => Outcome(AccountOutcome.Ok, now));
                }

                return;

            case AccountCommand.ChangeSecret change:
                if (change.ExpectedCredentialVersion is { } expected && expected != _state.CredentialVersion)
                {
                    Sender.Tell(Outcome(AccountOutcome.CredentialChanged, now));
                    return;
                }

                var events = new List<AccountEvent> { new SecretChanged(change.SecretHash, change.Rehash, now) };
                if (change.EndOtherSessions)
                {
                    events.AddRange(_state.EndSessionsExcept(change.KeepSessionId, change.Reason, now));
                }

                PersistThenReply(change.RequestId, events, () => Outcome(AccountOutcome.Ok, now));
                return;

            case AccountCommand.Disable disable:
                if (_state.Disabled)
                {
                    Sender.Tell(Outcome(AccountOutcome.Ok, now));
                }
                else
                {
                    PersistThenReply(disable.RequestId, [.. _state.EndSessionsExcept(null, SessionEndReason.Disabled, now), new AccountDisabled(disable.Reason, now)], () => Outcome(AccountOutcome.Ok, now));
                }

                return;

            default:
                throw new InvalidOperationException($"Unknown account command {command.GetType().Name}.");
        }
    }

    /// <summary>
    /// Persists the events as one atomic write, each carrying the command's request id, applies each
    /// once stored, then answers the sender.
    /// </summary>
    private void PersistThenReply(string? requestId, IReadOnlyList<AccountEvent> events, Func<AccountReply> reply)
    {
        var sender = Sender;
        events = requestId is null ? events : [.. events.Select(e => e with { RequestId = requestId })];
        var dealer = _state.Role == AccountRole.Dealer || events.Any(e => e is AccountRegistered { Role: AccountRole.Dealer });
        // The handler runs once per stored event, in order: apply the events from the list (the
        // journal's answer carries the Tagged wrapper, which is not ours to unwrap).
        var next = 0;
        PersistAll(events.Select(e => dealer ? new Tagged(e, ConsoleTags) : (object)e), _ =>
        {
            _state.Apply(events[next++]);
        });
        // The deferred value travels through the journal as a message: a plain count keeps it serializable.
        DeferAsync(events.Count, _ =>
        {
            sender.Tell(reply());
            // Counted by sequence number from the last snapshot, so the count survives passivation.
            if (LastSequenceNr - _snapshotNr >= _settings.SnapshotEvery && _state.Exists)
            {
                _snapshotNr = LastSequenceNr;
                SaveSnapshot(_state.ToSnapshot());
            }
        });
    }

    private static string? RequestIdOf(AccountCommand command) => command switch
    {
        AccountCommand.RefreshSession c => c.RequestId,
        AccountCommand.EndSession c => c.RequestId,
        AccountCommand.ChangeSecret c => c.RequestId,
        AccountCommand.Disable c => c.RequestId,
        _ => null,
    };

    private AccountReply Ok(DateTimeOffset now, SessionSnapshot? session) =>
        new(AccountOutcome.Ok, _state.View(now), session is null ? null : new SessionView(session.SessionId, session.Generation, session.StartedAt, session.ExpiresAt));

    private AccountReply Outcome(AccountOutcome outcome, DateTimeOffset now) => new(outcome, _state.View(now));
}
