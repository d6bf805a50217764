using System.Text.Json.Serialization;

namespace LiveCasino.Server.Accounts;

/// <summary>Source-generated JSON metadata of every persisted account type. Enums as names.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccountRegistered))]
[JsonSerializable(typeof(SecretChanged))]
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(SessionRefreshed))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(AccountDisabled))]
[JsonSerializable(typeof(AccountSnapshot))]
internal sealed partial class AccountJsonContext : JsonSerializerContext;
