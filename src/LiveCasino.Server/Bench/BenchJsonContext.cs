using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveCasino.Server.Bench;

/// <summary>Source-generated JSON of the bench endpoints and the synthetic event (camelCase, as the hubs).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BenchTick))]
[JsonSerializable(typeof(BenchEmitRequest))]
[JsonSerializable(typeof(BenchEmitStatus))]
[JsonSerializable(typeof(BenchPlayersRequest))]
[JsonSerializable(typeof(BenchPlayer[]))]
[JsonSerializable(typeof(BenchTablesRequest))]
[JsonSerializable(typeof(BenchRoundOpened))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
