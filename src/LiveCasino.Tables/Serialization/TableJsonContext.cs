using System.Text.Json.Serialization;
using LiveCasino.Tables.Events;

namespace LiveCasino.Tables.Serialization;

/// <summary>Source-generated JSON for every persisted table type (no reflection; enums as stable names).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TableConfigured))]
[JsonSerializable(typeof(ShoeChanged))]
[JsonSerializable(typeof(CardBurned))]
[JsonSerializable(typeof(CutCardReached))]
[JsonSerializable(typeof(ShoeFlagged))]
[JsonSerializable(typeof(RoundOpened))]
[JsonSerializable(typeof(BetsRequested))]
[JsonSerializable(typeof(BetsAccepted))]
[JsonSerializable(typeof(BetsRejected))]
[JsonSerializable(typeof(BetsCancelled))]
[JsonSerializable(typeof(BettingClosed))]
[JsonSerializable(typeof(DealingStarted))]
[JsonSerializable(typeof(CardDealt))]
[JsonSerializable(typeof(CardRescanned))]
[JsonSerializable(typeof(ResultConfirmed))]
[JsonSerializable(typeof(RoundSettled))]
[JsonSerializable(typeof(RoundVoided))]
[JsonSerializable(typeof(RoundResettled))]
[JsonSerializable(typeof(RoundSealed))]
[JsonSerializable(typeof(WalletOperationsConfirmed))]
[JsonSerializable(typeof(SettlementRerouted))]
[JsonSerializable(typeof(State.TableStateSnapshot))]
internal sealed partial class TableJsonContext : JsonSerializerContext;
