using System.Text.Json;
using System.Text.Json.Serialization;
using LiveCasino.Server.Api.Contracts;

namespace LiveCasino.Server.Api;

/// <summary>Source-generated JSON metadata of the API's wire types (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(RegisteredResponse))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(ConsoleLoginRequest))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(TransactionsResponse))]
[JsonSerializable(typeof(PaymentBody))]
[JsonSerializable(typeof(PaymentResponse))]
[JsonSerializable(typeof(CreateConsoleRequest))]
[JsonSerializable(typeof(ConsoleKeyResponse))]
[JsonSerializable(typeof(IReadOnlyList<ConsoleItem>))]
[JsonSerializable(typeof(ReconciliationResponse))]
[JsonSerializable(typeof(IReadOnlyList<StuckPaymentItem>))]
[JsonSerializable(typeof(StuckPaymentItem))]
[JsonSerializable(typeof(DealerStudioResponse))]
[JsonSerializable(typeof(IReadOnlyList<Hubs.Contracts.LobbyTableView>))]
[JsonSerializable(typeof(RoundHistoryResponse))]
[JsonSerializable(typeof(RoundRecordResponse))]
[JsonSerializable(typeof(BetHistoryResponse))]
[JsonSerializable(typeof(TableConfigBody))]
[JsonSerializable(typeof(OperatorTableItem))]
[JsonSerializable(typeof(IReadOnlyList<OperatorTableItem>))]
[JsonSerializable(typeof(ClusterResponse))]
[JsonSerializable(typeof(TrialBalanceResponse))]
[JsonSerializable(typeof(OperatorTableState))]
[JsonSerializable(typeof(ClusterEntityItem))]
[JsonSerializable(typeof(ClusterMemberRequest))]
[JsonSerializable(typeof(ClusterMemberActionResponse))]
internal sealed partial class EdgeJsonContext : JsonSerializerContext;
