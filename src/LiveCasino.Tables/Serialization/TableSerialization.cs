using LiveCasino.Stores.Serialization;

namespace LiveCasino.Tables.Serialization;

/// <summary>Registers the table's persisted types under stable manifests "table.&lt;name&gt;.v1".</summary>
public static class TableSerialization
{
    /// <summary>Every manifest a table writes; a journal holding others is not a table's.</summary>
    public static IReadOnlyList<string> Manifests { get; } =
    [
        "table.configured.v1", "table.shoe-changed.v1", "table.card-burned.v1", "table.cut-card-reached.v1", "table.shoe-flagged.v1",
        "table.round-opened.v1", "table.bets-requested.v1", "table.bets-accepted.v1", "table.bets-rejected.v1", "table.bets-cancelled.v1",
        "table.betting-closed.v1", "table.dealing-started.v1", "table.card-dealt.v1", "table.card-rescanned.v1", "table.result-confirmed.v1",
        "table.round-settled.v1", "table.round-voided.v1", "table.round-resettled.v1", "table.round-sealed.v1",
        "table.wallet-operations-confirmed.v1", "table.settlement-rerouted.v1", "table.snapshot.v1",
    ];

    public static EventSerializer RegisterTableTypes(this EventSerializer serializer)
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
}
