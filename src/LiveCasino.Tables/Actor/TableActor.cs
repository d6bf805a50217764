using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using LiveCasino.Sharding;
using LiveCasino.Stores.Journal;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Hosting;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Serialization;
using LiveCasino.Tables.State;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// One live table: a persistent entity of the "table" region that runs rounds, takes bets within
/// the betting window by server time, reserves stakes in the players' wallets without ever waiting
/// for a wallet (replies come back as messages), settles through a persistent outbox, keeps a
/// hash-chained round record and live statistics, and publishes every persisted event to its
/// subscribers.
/// <para>
/// Decisions are group-committed: bet requests, acceptances and refusals taken while a journal
/// write is in flight are persisted together by the next flush, so thousands of bets per second
/// cost a few writes, and nothing is answered or sent to a wallet before it is durable.
/// </para>
/// <para>
/// Akka's <c>PersistAll</c> holds every later command until the events are stored and their
/// handlers ran, so a command is handled to its end before the next starts, as if each write were
/// awaited. Code that must run after a write is the continuation passed to <see cref="PersistEvents"/>.
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Actors are not disposable; the chain and the timers are released in PostStop.")]
internal sealed partial class TableActor : UntypedPersistentActor
{
    private const string CloseTimer = "close";
    private const string SweepTimer = "sweep";
    private const int WaitersPerBetMax = 4;
    private const int SnapshotOutboxMax = 1_000;

    private readonly string _tableId;
    private readonly TableOptions _options;
    private readonly WalletSend _walletSend;
    private readonly TableMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ClockTimers _timers;
    private readonly TableState _state;
    private readonly RecordChain _chain = new();
    private readonly BetBuffer _buffer = new();
    private readonly Dictionary<long, List<IActorRef>> _waiters = [];
    private readonly Dictionary<string, long> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _reserveSentAt = [];
    private readonly Dictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _subscribers = [];

    /// <summary>Viewers counted by each member's feed (the sender), summed for the statistics.</summary>
    private readonly Dictionary<IActorRef, int> _viewers = [];
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private long _lastBetNo;
    private long _snapshotNr;
    private bool _snapshotSaving;
    private bool _flushScheduled;
    private bool _sweeping;

    public TableActor(string tableId, TableOptions options, WalletSend walletSend, TableMetrics metrics, TimeProvider time)
    {
        _tableId = tableId;
        _options = options;
        _walletSend = walletSend;
        _metrics = metrics;
        _time = time;
        _timers = new ClockTimers(Self, time);
        _state = new TableState(tableId, options);
        PersistenceId = PersistenceIdOf(tableId);
    }

    public override string PersistenceId { get; }

    private DateTimeOffset Now => _time.GetUtcNow();

    public static string PersistenceIdOf(string tableId) => "table-" + tableId;

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case TableEvent e:
                ApplyEvent(e);
                break;
            case SnapshotOffer offer:
                _state.Restore((TableStateSnapshot)offer.Snapshot, _chain);
                _snapshotNr = offer.Metadata.SequenceNr;
                break;
            case RecoveryCompleted:
                TableLog.Recovered(Log, _tableId, _state.LastRoundNo, _state.Phase, _state.Outbox.Count);
                if (_chain.Break is { } broken)
                {
                    TableLog.ChainBroken(Log, _tableId, broken);
                }

                Self.Tell(TableSignal.Resume.Instance);
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case TableCommand command:
                OnTableCommand(command, Sender);
                break;
            case WalletReply reply:
                OnWalletAnswered(reply);
                break;
            case TableSignal.Flush:
                OnFlush();
                break;
            case ClockTimers.Tick tick:
                if (_timers.Accept(tick) is { } due)
                {
                    OnCommand(due);
                }

                break;
            case TableSignal.CloseTimerFired c:
                OnCloseTimer(c.RoundNo);
                break;
            case TableSignal.Sweep:
                OnSweep();
                break;
            case TableSignal.Resume:
                OnResume();
                break;
            case Terminated t:
                OnUnsubscribe(t.ActorRef);
                break;
            case EntityStop:
                Context.Stop(Self);
                break;
            case SaveSnapshotSuccess ok:
                _snapshotSaving = false;
                _snapshotNr = Math.Max(_snapshotNr, ok.Metadata.SequenceNr);
                break;
            case SaveSnapshotFailure f:
                _snapshotSaving = false; // counted from the last stored one: the next chance tries again
                TableLog.SnapshotFailed(Log, f.Cause, _tableId, f.Metadata.SequenceNr);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>A write the journal refused (it could not serialize the events): stop, and come back from what is stored.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        Context.Stop(Self);
    }

    protected override void PostStop()
    {
        _timers.Dispose();
        _chain.Dispose();
        if (_settlementSpan is { } span)
        {
            span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "stopped before the settlement was stored");
            span.Dispose();
        }

        base.PostStop();
    }

    private void OnTableCommand(TableCommand command, IActorRef sender)
    {
        switch (command)
        {
            case TableCommand.PlaceBet c:
                OnPlaceBet(c, sender);
                break;
            case TableCommand.ChangeBet c:
                OnChangeBet(c, sender);
                break;
            case TableCommand.CancelBet c:
                OnCancelBet(c, sender);
                break;
            case TableCommand.Configure c:
                OnConfigure(c, sender);
                break;
            case TableCommand.OpenRound c:
                OnOpenRound(c, sender);
                break;
            case TableCommand.CloseBets c:
                OnCloseBets(c, sender);
                break;
            case TableCommand.VoidRound c:
                OnVoidRound(c, sender);
                break;
            case TableCommand.ScanCard c:
                OnScanCard(c, sender);
                break;
            case TableCommand.StartSpin c:
                OnStartSpin(c, sender);
                break;
            case TableCommand.ReportSpin c:
                OnReportSpin(c, sender);
                break;
            case TableCommand.BurnCard c:
                OnBurnCard(c, sender);
                break;
            case TableCommand.ChangeShoe c:
                OnChangeShoe(c, sender);
                break;
            case TableCommand.ReachCutCard c:
                OnReachCutCard(c, sender);
                break;
            case TableCommand.RescanCard c:
                OnRescanCard(c, sender);
                break;
            case TableCommand.ResettleRound c:
                OnResettleRound(c, sender);
                break;
            case TableCommand.Subscribe:
                OnSubscribe(sender);
                break;
            case TableCommand.Unsubscribe:
                OnUnsubscribe(sender);
                break;
            case TableCommand.GetSnapshot:
                sender.Tell(Snapshot(), Self);
                break;
            case TableCommand.GetPlayerBets c:
                sender.Tell(PlayerBetsOf(c.PlayerId), Self);
                break;
            case TableCommand.SetViewers c:
                OnSetViewers(c.Count, sender);
                break;
            case TableCommand.Wake:
                break;
            default:
                throw new InvalidOperationException($"Table {_tableId} has no handler for {command.GetType().Name}.");
        }
    }

    /// <summary>Applies a stored event (the one just persisted, or one replayed) at the journal's sequence number.</summary>
    private void ApplyEvent(TableEvent @event)
    {
        _state.Apply(@event);
        _chain.Observe(LastSequenceNr, @event, TableSerialization.Payload);
    }

    /// <summary>
    /// Persists <paramref name="events"/> in chunks of at most <see cref="TableOptions.EventsPerWriteMax"/>,
    /// applying and publishing each chunk once it is stored, then sends new outbox entries and runs
    /// <paramref name="then"/>. With no events the outbox is sent and <paramref name="then"/> runs at once.
    /// </summary>
    private void PersistEvents(List<TableEvent> events, Action? then = null)
    {
        if (events.Count == 0)
        {
            DeliverNewOutboxEntries();
            then?.Invoke();
            return;
        }

        PersistChunk(events, 0, then);
    }

    private void PersistEvents(TableEvent @event, Action? then = null) => PersistEvents([@event], then);

    private void PersistChunk(List<TableEvent> events, int from, Action? then)
    {
        var chunk = events.GetRange(from, Math.Min(_options.EventsPerWriteMax, events.Count - from));
        var stored = 0;

        // Handlers run once per stored event, in order; the events come from the list (the journal
        // hands back the Tagged wrapper), and LastSequenceNr is each one's sequence number.
        PersistAll(chunk.Select(Tag), _ =>
        {
            ApplyEvent(chunk[stored++]);
            if (stored < chunk.Count)
            {
                return;
            }

            Publish(chunk);
            MaybeSnapshot();
            var next = from + chunk.Count;
            if (next < events.Count)
            {
                PersistChunk(events, next, then);
                return;
            }

            DeliverNewOutboxEntries();
            then?.Invoke();
        });
    }

    private object Tag(TableEvent e) => e is RoundSealed ? new Tagged(e, [Records.RoundRecords.SealTag(_tableId)]) : e;

    /// <summary>
    /// Snapshots once <see cref="TableOptions.SnapshotEvery"/> events lie past the last stored one,
    /// one save at a time, and only between records with a small outbox (the snapshot then holds no
    /// pending work); counted by sequence number, so the count survives passivation.
    /// </summary>
    private void MaybeSnapshot()
    {
        if (_options.SnapshotEvery > 0 && !_snapshotSaving && LastSequenceNr - _snapshotNr >= _options.SnapshotEvery &&
            !_state.RoundInProgress && _chain.OpenEvents == 0 && _state.Outbox.Count <= SnapshotOutboxMax)
        {
            _snapshotSaving = true;
            SaveSnapshot(_state.ToSnapshot(_chain));
        }
    }

    private void Accepted(IActorRef replyTo, string what) =>
        replyTo.Tell(new TableReply.CommandAccepted(_tableId, _state.LastRoundNo, _state.Phase, what), Self);

    private void Refuse(IActorRef replyTo, string command, DealerStamp? stamp, TableRejection reason, string detail)
    {
        TableLog.CommandRefused(Log, _tableId, command, stamp?.By ?? "?", reason, detail);
        replyTo.Tell(new TableReply.CommandRejected(_tableId, _state.LastRoundNo, reason, detail), Self);
    }

    /// <summary>Runtime delivery state of one outbox entry (not persisted: after a restart everything is due).</summary>
    private sealed class Delivery
    {
        public int Attempts { get; set; }

        public long NextAt { get; set; }
    }
}
