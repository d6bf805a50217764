using LiveCasino.Sharding;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Serialization;

/// <summary>
/// The table's events and snapshot, and the messages of the table and console regions, under stable
/// manifests. The event and snapshot manifests ("table.&lt;name&gt;.v1") are the journal's contract and
/// the round record's hash input: never change one; a new shape gets a new ".v2" manifest. The
/// message manifests are the wire contract between nodes of one cluster.
/// </summary>
public static class TableSerialization
{
    private static readonly EventSerializer Events = new EventSerializer().RegisterTableEvents();

    /// <summary>The engine's configuration for tables and consoles: their messages, the events and the snapshot go through LiveCasino's serializer.</summary>
    public static string EngineHocon { get; } = SerializationHocon.For(
        "tables",
        typeof(TableCatalog),
        typeof(TableCommand),
        typeof(TableReply),
        typeof(TableNotification),
        typeof(TableSnapshot),
        typeof(PlayerBets),
        typeof(TableEvent),
        typeof(State.TableStateSnapshot),
        typeof(ConsoleCommand),
        typeof(ConsoleEvent),
        typeof(ReadingAnswered));

    /// <summary>Every manifest a table writes to its journal; a journal holding others is not a table's.</summary>
    public static IReadOnlyList<string> Manifests { get; } =
    [
        "table.configured.v1", "table.shoe-changed.v1", "table.card-burned.v1", "table.cut-card-reached.v1", "table.shoe-flagged.v1", "table.round-opened.v1", "table.bets-requested.v1", "table.bets-accepted.v1", "table.bets-rejected.v1", "table.bets-cancelled.v1", "table.betting-closed.v1", "table.dealing-started.v1", "table.card-dealt.v1", "table.card-rescanned.v1", "table.result-confirmed.v1", "table.round-settled.v1", "table.round-voided.v1", "table.round-resettled.v1", "table.round-sealed.v1", "table.wallet-operations-confirmed.v1", "table.settlement-rerouted.v1", "table.snapshot.v1",
    ];

    /// <summary>An event as the journal stores it (manifest and bytes): what the round record hashes.</summary>
    public static SerializedPayload Payload(TableEvent e) => Events.Serialize(e);

    /// <summary>Registers the journal's types and the region messages.</summary>
    public static EventSerializer RegisterTableTypes(this EventSerializer serializer) => serializer.RegisterTableEvents().RegisterTableMessages();

    private static EventSerializer RegisterTableEvents(this EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var json = TableJsonContext.Default;
        return serializer
            .Register("table.configured.v1", json.TableConfigured)
            .Register("table.shoe-changed.v1", json.ShoeChanged)
            .Register("table.card-burned.v1", json.CardBurned)
            .Register("table.cut-card-reached.v1", json.CutCardReached)
            .Register("table.shoe-flagged.v1", json.ShoeFlagged)
            .Register("table.round-opened.v1", json.RoundOpened)
            .Register("table.bets-requested.v1", json.BetsRequested)
            .Register("table.bets-accepted.v1", json.BetsAccepted)
            .Register("table.bets-rejected.v1", json.BetsRejected)
            .Register("table.bets-cancelled.v1", json.BetsCancelled)
            .Register("table.betting-closed.v1", json.BettingClosed)
            .Register("table.dealing-started.v1", json.DealingStarted)
            .Register("table.card-dealt.v1", json.CardDealt)
            .Register("table.card-rescanned.v1", json.CardRescanned)
            .Register("table.result-confirmed.v1", json.ResultConfirmed)
            .Register("table.round-settled.v1", json.RoundSettled)
            .Register("table.round-voided.v1", json.RoundVoided)
            .Register("table.round-resettled.v1", json.RoundResettled)
            .Register("table.round-sealed.v1", json.RoundSealed)
            .Register("table.wallet-operations-confirmed.v1", json.WalletOperationsConfirmed)
            .Register("table.settlement-rerouted.v1", json.SettlementRerouted)
            .Register("table.snapshot.v1", json.TableStateSnapshot);
    }

    private static EventSerializer RegisterTableMessages(this EventSerializer serializer)
    {
        var json = TableJsonContext.Default;
        return serializer
            .Register("table.configure.v1", json.CommandConfigure)
            .Register("table.place-bet.v1", json.CommandPlaceBet)
            .Register("table.change-bet.v1", json.CommandChangeBet)
            .Register("table.cancel-bet.v1", json.CommandCancelBet)
            .Register("table.open-round.v1", json.CommandOpenRound)
            .Register("table.close-bets.v1", json.CommandCloseBets)
            .Register("table.scan-card.v1", json.CommandScanCard)
            .Register("table.start-spin.v1", json.CommandStartSpin)
            .Register("table.report-spin.v1", json.CommandReportSpin)
            .Register("table.burn-card.v1", json.CommandBurnCard)
            .Register("table.change-shoe.v1", json.CommandChangeShoe)
            .Register("table.reach-cut-card.v1", json.CommandReachCutCard)
            .Register("table.void-round.v1", json.CommandVoidRound)
            .Register("table.rescan-card.v1", json.CommandRescanCard)
            .Register("table.resettle-round.v1", json.CommandResettleRound)
            .Register("table.subscribe.v1", json.CommandSubscribe)
            .Register("table.unsubscribe.v1", json.CommandUnsubscribe)
            .Register("table.get-snapshot.v1", json.CommandGetSnapshot)
            .Register("table.get-player-bets.v1", json.CommandGetPlayerBets)
            .Register("table.set-viewers.v1", json.CommandSetViewers)
            .Register("table.wake.v1", json.CommandWake)
            .Register("table.bet-accepted.v1", json.ReplyBetAccepted)
            .Register("table.bet-rejected.v1", json.ReplyBetRejected)
            .Register("table.bet-cancelled.v1", json.ReplyBetCancelled)
            .Register("table.command-accepted.v1", json.ReplyCommandAccepted)
            .Register("table.command-rejected.v1", json.ReplyCommandRejected)
            .Register("table.subscribed.v1", json.NotificationSubscribed)
            .Register("table.event-persisted.v1", json.NotificationEventPersisted)
            .Register("table.state.v1", json.TableSnapshot)
            .Register("table.player-bets.v1", json.PlayerBets)
            .Register("console.attach.v1", json.ConsoleAttach)
            .Register("console.bind.v1", json.ConsoleBind)
            .Register("console.unbind.v1", json.ConsoleUnbind)
            .Register("console.disconnect.v1", json.ConsoleDisconnect)
            .Register("console.act.v1", json.ConsoleAct)
            .Register("console.reading.v1", json.ConsoleReading)
            .Register("console.sensor-rejected.v1", json.ConsoleSensorRejected)
            .Register("console.sensor-gap.v1", json.ConsoleSensorGap)
            .Register("console.event.bound.v1", json.ConsoleEventBound)
            .Register("console.event.bind-refused.v1", json.ConsoleEventBindRefused)
            .Register("console.event.unbound.v1", json.ConsoleEventUnbound)
            .Register("console.event.answered.v1", json.ConsoleEventAnswered)
            .Register("console.event.refused.v1", json.ConsoleEventRefused)
            .Register("console.event.sensor-rejected.v1", json.ConsoleEventSensorRejected)
            .Register("console.event.sensor-gap.v1", json.ConsoleEventSensorGap)
            .Register("console.event.table-changed.v1", json.ConsoleEventTableChanged)
            .Register("console.reading-answered.v1", json.ReadingAnswered);
    }
}

/// <summary>The table types for Akka's LiveCasino serializer (named in <see cref="TableSerialization.EngineHocon"/>).</summary>
public sealed class TableCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer) => serializer.RegisterTableTypes();
}
