using System.Text.Json.Serialization;

namespace LiveCasino.Server.Accounts;

/// <summary>Source-generated JSON metadata of every persisted account type and every message of the account region. Enums as names.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccountRegistered))]
[JsonSerializable(typeof(SecretChanged))]
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(SessionRefreshed))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(AccountDisabled))]
[JsonSerializable(typeof(AccountSnapshot))]
[JsonSerializable(typeof(AccountCommand.Register))]
[JsonSerializable(typeof(AccountCommand.Get))]
[JsonSerializable(typeof(AccountCommand.StartSession))]
[JsonSerializable(typeof(AccountCommand.RefreshSession))]
[JsonSerializable(typeof(AccountCommand.CheckSession))]
[JsonSerializable(typeof(AccountCommand.EndSession))]
[JsonSerializable(typeof(AccountCommand.ChangeSecret))]
[JsonSerializable(typeof(AccountCommand.Disable))]
[JsonSerializable(typeof(AccountReply))]
internal sealed partial class AccountJsonContext : JsonSerializerContext;
