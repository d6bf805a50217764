using System.Text.Json.Serialization;

namespace LiveCasino.Payments.Gateway;

/// <summary>Which way the money goes: into the player's wallet (deposit) or out of it (withdrawal).</summary>
public enum PaymentKind
{
    [JsonStringEnumMemberName("deposit")]
    Deposit,

    [JsonStringEnumMemberName("withdrawal")]
    Withdrawal,
}
