using System.Text.Json.Serialization;

namespace LiveCasino.Wallets.Events;

/// <summary>Source-generated JSON metadata of every persisted wallet type (no reflection at run time). Enums as names.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(WalletOpened))]
[JsonSerializable(typeof(DepositBegun))]
[JsonSerializable(typeof(DepositConfirmed))]
[JsonSerializable(typeof(DepositFailed))]
[JsonSerializable(typeof(WithdrawalRequested))]
[JsonSerializable(typeof(WithdrawalConfirmed))]
[JsonSerializable(typeof(WithdrawalRefused))]
[JsonSerializable(typeof(BetReserved))]
[JsonSerializable(typeof(BetSettled))]
[JsonSerializable(typeof(BetVoided))]
[JsonSerializable(typeof(VoidRecorded))]
[JsonSerializable(typeof(ReservationTombstoned))]
[JsonSerializable(typeof(BetReservationExpired))]
[JsonSerializable(typeof(BalanceAdjusted))]
[JsonSerializable(typeof(LimitsSet))]
[JsonSerializable(typeof(SelfExclusionSet))]
[JsonSerializable(typeof(OperationRejected))]
[JsonSerializable(typeof(WalletSnapshot))]
internal sealed partial class WalletJsonContext : JsonSerializerContext;
