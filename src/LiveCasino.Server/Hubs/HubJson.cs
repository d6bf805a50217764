using System.Text.Json;
using System.Text.Json.Serialization;
using LiveCasino.Server.Hubs.Contracts;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// Source-generated JSON of every hub argument, reply and event: camelCase, nulls left out; input
/// strict (unknown or duplicate fields, numbers as strings, missing required fields and nulls in
/// non-nullable fields are refused, so a bad argument never reaches a table).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(TableEventView))]
[JsonSerializable(typeof(TableStatsEvent))]
[JsonSerializable(typeof(ResyncEvent))]
[JsonSerializable(typeof(SessionEndedEvent))]
[JsonSerializable(typeof(BalanceView))]
[JsonSerializable(typeof(IReadOnlyList<LobbyTableView>))]
[JsonSerializable(typeof(PlaceBetRequest))]
[JsonSerializable(typeof(CancelBetRequest))]
[JsonSerializable(typeof(BetReply))]
[JsonSerializable(typeof(JoinReply))]
[JsonSerializable(typeof(LeaveReply))]
[JsonSerializable(typeof(BindRequest))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(ScanCardRequest))]
[JsonSerializable(typeof(BurnRequest))]
[JsonSerializable(typeof(WheelResultRequest))]
[JsonSerializable(typeof(VoidRoundRequest))]
[JsonSerializable(typeof(RescanRequest))]
[JsonSerializable(typeof(SensorRequest))]
[JsonSerializable(typeof(DealerVerdict))]
[JsonSerializable(typeof(SensorQueued))]
[JsonSerializable(typeof(ReadingVerdictEvent))]
[JsonSerializable(typeof(ReadingRejectedEvent))]
[JsonSerializable(typeof(ReadingGapEvent))]
[JsonSerializable(typeof(SensorStatsView))]
internal sealed partial class HubJsonContext : JsonSerializerContext;

/// <summary>The hub protocol's payload options: <see cref="HubJsonContext"/> only, with its strict settings.</summary>
public static class HubJson
{
    /// <summary>Applies the strict, source-generated settings to SignalR's JSON payload options.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var generated = HubJsonContext.Default.Options;
        options.PropertyNamingPolicy = generated.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = generated.PropertyNameCaseInsensitive;
        options.DefaultIgnoreCondition = generated.DefaultIgnoreCondition;
        options.NumberHandling = generated.NumberHandling;
        options.UnmappedMemberHandling = generated.UnmappedMemberHandling;
        options.RespectNullableAnnotations = generated.RespectNullableAnnotations;
        options.RespectRequiredConstructorParameters = generated.RespectRequiredConstructorParameters;
        options.AllowDuplicateProperties = generated.AllowDuplicateProperties;
        options.TypeInfoResolverChain.Clear();
        options.TypeInfoResolverChain.Add(HubJsonContext.Default);
    }
}
