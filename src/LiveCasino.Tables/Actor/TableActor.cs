using System.Diagnostics.CodeAnalysis;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence.EventSourcing;
using LiveCasino.Stores.Journal;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Hosting;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.State;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// One live table: an event-sourced actor that runs rounds, takes bets within the betting window by
/// server time, reserves stakes in the players' wallets without ever awaiting a wallet (replies come
/// back as messages), settles through a persistent outbox, keeps a hash-chained round record and
/// live statistics, and publishes every persisted event to its subscribers.
/// <para>
/// Decisions are group-committed: bet requests, acceptances and refusals taken while a journal
/// write is in flight are persisted together by the next flush, so thousands of bets per second
/// cost a few writes, and nothing is answered or sent to a wallet before it is durable.
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Actors are not disposable; the record chain's hash is released in PostStop.")]
internal sealed partial class TableActor : EventSourcedActor<TableCommand, TableEvent>
{
    private const string CloseTimer = "close";
    private const string SweepTimer = "sweep";
    private const int WaitersPerBetMax = 4;
    private const int SnapshotOutboxMax = 1_000;

    private readonly string _tableId;
    private readonly TableOptions _options;
    private readonly WalletSend _walletSend;
    private readonly TableMetrics _metrics;
    private readonly TableState _state;
    private readonly RecordChain _chain = new();
    private readonly BetBuffer _buffer = new();
    private readonly Dictionary<long, List<ActorRef<TableReply>>> _waiters = [];
    private readonly Dictionary<string, long> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _reserveSentAt = [];
    private readonly Dictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);
    private readonly List<ActorRef<TableNotification>> _subscribers = [];
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private ActorRef<WalletReply>? _walletReplies;
    private long _appliedSeq;
    private long _lastBetNo;
    private bool _flushScheduled;
    private bool _sweeping;

    public TableActor(string tableId, TableOptions options, WalletSend walletSend, TableMetrics metrics)
    {
        _tableId = tableId;
        _options = options;
        _walletSend = walletSend;
        _metrics = metrics;
        _state = new TableState(tableId, options);
    }

    protected override string PersistenceId => PersistenceIdOf(_tableId);

    private DateTimeOffset Now => Context.Time.GetUtcNow();

    private ActorRef<WalletReply> WalletReplies => _walletReplies ??= Context.SpawnAdapter<WalletReply>(r => new TableCommand.WalletAnswered(r));

    public static string PersistenceIdOf(string tableId) => "table-" + tableId;

    protected override void ApplyEvent(TableEvent @event)
    {
        // The sequence number this event has (or gets): contiguous in replay and within a PersistAll.
        _appliedSeq = Math.Max(_appliedSeq, LastSequenceNr) + 1;
        _state.Apply(@event);
        _chain.Observe(_appliedSeq, @event, Serialize);
    }

    protected override IReadOnlyList<string> TagsFor(TableEvent @event) =>
        @event is RoundSealed ? [Records.RoundRecords.SealTag(_tableId)] : [];

    /// <summary>Only between records (no round in progress, no open record) and with a small outbox: the snapshot then holds no pending work.</summary>
    protected override object? CreateSnapshot() =>
        !_state.RoundInProgress && _chain.OpenEvents == 0 && _state.Outbox.Count <= SnapshotOutboxMax ? _state.ToSnapshot(_chain) : null;

    protected override void ApplySnapshot(object snapshot) => _state.Restore((TableStateSnapshot)snapshot, _chain);

    protected override void OnRecoveryCompleted()
    {
        TableLog.Recovered(Context.Log, _tableId, _state.LastRoundNo, _state.Phase, _state.Outbox.Count);
        if (_chain.Break is { } broken)
        {
            TableLog.ChainBroken(Context.Log, _tableId, broken);
        }

        Self.Tell(new TableCommand.Resume());
    }

    protected override void PreRestart(Exception reason)
    {
        // The next incarnation makes its own reply address; replies to this one are lost and re-asked.
        if (_walletReplies is { } forwarder)
        {
            Context.Stop(forwarder);
        }
    }

    protected override void PostStop() => _chain.Dispose();

    protected override ValueTask HandleCommandAsync(TableCommand command) => command switch
    {
        TableCommand.PlaceBet c => OnPlaceBet(c),
        TableCommand.ChangeBet c => OnChangeBet(c),
        TableCommand.CancelBet c => OnCancelBet(c),
        TableCommand.WalletAnswered c => OnWalletAnswered(c.Reply),
        TableCommand.Flush => OnFlushAsync(),
        TableCommand.Sweep => OnSweep(),
        TableCommand.CloseTimerFired c => OnCloseTimerAsync(c.RoundNo),
        TableCommand.Configure c => OnConfigureAsync(c),
        TableCommand.OpenRound c => OnOpenRoundAsync(c),
        TableCommand.CloseBets c => OnCloseBetsAsync(c),
        TableCommand.VoidRound c => OnVoidRoundAsync(c),
        TableCommand.ScanCard c => OnScanCardAsync(c),
        TableCommand.StartSpin c => OnStartSpinAsync(c),
        TableCommand.ReportSpin c => OnReportSpinAsync(c),
        TableCommand.BurnCard c => OnBurnCardAsync(c),
        TableCommand.ChangeShoe c => OnChangeShoeAsync(c),
        TableCommand.ReachCutCard c => OnReachCutCardAsync(c),
        TableCommand.RescanCard c => OnRescanCardAsync(c),
        TableCommand.ResettleRound c => OnResettleRoundAsync(c),
        TableCommand.Subscribe c => OnSubscribe(c),
        TableCommand.Unsubscribe c => OnUnsubscribe(c.Subscriber),
        TableCommand.SubscriberTerminated c => OnUnsubscribe(c.Subscriber),
        TableCommand.GetSnapshot c => Answer(c.ReplyTo, Snapshot()),
        TableCommand.GetPlayerBets c => Answer(c.ReplyTo, PlayerBetsOf(c.PlayerId)),
        TableCommand.SetViewers c => OnSetViewers(c.Count),
        TableCommand.Resume => OnResumeAsync(),
        TableCommand.Wake => ValueTask.CompletedTask,
        _ => throw new InvalidOperationException($"Table {_tableId} has no handler for {command.GetType().Name}."),
    };

    private SerializedPayload Serialize(TableEvent e) => Persistence.Serializer.Serialize(e);

    /// <summary>Persists events (in chunks of at most EventsPerWriteMax), publishes them, then sends new outbox entries.</summary>
    private async ValueTask PersistEventsAsync(List<TableEvent> events)
    {
        for (var i = 0; i < events.Count; i += _options.EventsPerWriteMax)
        {
            var chunk = events.GetRange(i, Math.Min(_options.EventsPerWriteMax, events.Count - i));
            await PersistAllAsync(chunk).ConfigureAwait(false);
            Publish(chunk);
        }

        DeliverNewOutboxEntries();
    }

    private ValueTask PersistEventsAsync(params TableEvent[] events) => PersistEventsAsync(events.ToList());

    private static ValueTask Answer<T>(ActorRef<T> replyTo, T reply)
        where T : notnull
    {
        replyTo.Tell(reply);
        return ValueTask.CompletedTask;
    }

    private void Reply(ActorRef<TableReply> replyTo, TableReply reply) => replyTo.Tell(reply);

    private void Accepted(ActorRef<TableReply> replyTo, string what) =>
        replyTo.Tell(new TableReply.CommandAccepted(_tableId, _state.LastRoundNo, _state.Phase, what));

    private void Refuse(ActorRef<TableReply> replyTo, string command, DealerStamp? stamp, TableRejection reason, string detail)
    {
        TableLog.CommandRefused(Context.Log, _tableId, command, stamp?.By ?? "?", reason, detail);
        replyTo.Tell(new TableReply.CommandRejected(_tableId, _state.LastRoundNo, reason, detail));
    }

    /// <summary>Runtime delivery state of one outbox entry (not persisted: after a restart everything is due).</summary>
    private sealed class Delivery
    {
        public int Attempts { get; set; }

        public long NextAt { get; set; }
    }
}
