using LiveCasino.Actors.Persistence.EventSourcing;
using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// One player's wallet: an event-sourced actor around <see cref="WalletState"/>. For each command
/// it first releases reservations whose expiry has come (persisted), then decides; an event is
/// persisted before it is applied and before the reply, so an answer is never given for something
/// a crash could undo. Every rejection is a reply; nothing throws across the actor boundary (a
/// journal failure restarts the actor without answering, and the caller's retry is answered then).
/// </summary>
internal sealed class WalletActor : EventSourcedActor<WalletCommand, WalletEvent>
{
    private static readonly IReadOnlyList<string> Tags = [WalletDirectory.Tag];
    private const string ExpiryTimer = "expiry";
    private readonly string _playerId;
    private readonly WalletOptions _options;
    private readonly WalletState _state;
    private OperationRecord? _lastRecord;
    private DateTimeOffset? _timerDue;

    public WalletActor(string playerId, WalletOptions options)
    {
        _playerId = playerId;
        _options = options;
        _state = new WalletState(options.Bounds);
        PersistenceId = WalletDirectory.PersistenceIdOf(playerId);
    }

    protected override string PersistenceId { get; }

    protected override void ApplyEvent(WalletEvent @event) => _lastRecord = _state.Apply(@event);

    protected override IReadOnlyList<string> TagsFor(WalletEvent @event) => Tags;

    protected override object? CreateSnapshot() => _state.ToSnapshot();

    protected override void ApplySnapshot(object snapshot) => _state.Restore((WalletSnapshot)snapshot);

    protected override void OnRecoveryCompleted()
    {
        WalletLog.Recovered(Context.Log, _playerId, LastSequenceNr, _state.Ledger.PendingCount);
        ArmExpiryTimer(_state.NextExpiry());
    }

    protected override async ValueTask HandleCommandAsync(WalletCommand command)
    {
        var now = Context.Time.GetUtcNow();
        await ReleaseExpiredAsync(now).ConfigureAwait(false);
        switch (command)
        {
            case ExpireDue:
                _timerDue = null;
                ArmExpiryTimer(_state.NextExpiry());
                return;
            case InspectWallet inspect:
                inspect.ReplyTo.Tell(new WalletInspected(inspect.OperationId, _state.Balance, _state.Digest(), LastSequenceNr));
                return;
        }

        var decision = _state.Decide(command, now);
        if (decision.Reply is { } answer)
        {
            command.ReplyTo.Tell(answer);
            return;
        }

        _lastRecord = null;
        await PersistAsync(decision.Event!).ConfigureAwait(false);
        var record = _lastRecord ?? throw new InvalidOperationException($"Event {decision.Event!.GetType().Name} recorded no operation.");
        var reply = record.ToReply();
        if (reply is WalletRejected rejected)
        {
            WalletLog.Refused(Context.Log, _playerId, rejected.OperationId, rejected.Reason, rejected.Detail);
        }
        else if (decision.Event is BetReserved reserved && (_timerDue is null || reserved.ExpiresAt < _timerDue))
        {
            ArmExpiryTimer(reserved.ExpiresAt);
        }

        command.ReplyTo.Tell(reply);
    }

    private async ValueTask ReleaseExpiredAsync(DateTimeOffset now)
    {
        // Cheap test first: the earliest expiry is known from the timer when one is armed.
        if (_timerDue is { } due && due > now || _state.Ledger.PendingCount == 0)
        {
            return;
        }

        while (_state.DueExpiries(now, _options.ExpiriesPerWriteMax) is { Count: > 0 } expired)
        {
            await PersistAllAsync(expired).ConfigureAwait(false);
            WalletLog.Expired(Context.Log, _playerId, expired.Count);
        }
    }

    private void ArmExpiryTimer(DateTimeOffset? at)
    {
        if (at is not { } due)
        {
            Context.Timers.Cancel(ExpiryTimer);
            _timerDue = null;
            return;
        }

        _timerDue = due;
        var delay = due - Context.Time.GetUtcNow();
        Context.Timers.StartSingleTimer(ExpiryTimer, ExpireDue.Instance, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }
}
