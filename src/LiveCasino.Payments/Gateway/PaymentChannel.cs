using System.Text.Json.Serialization;

namespace LiveCasino.Payments.Gateway;

/// <summary>How the money moves at the provider. Stable wire names: they reach the provider and its reports.</summary>
public enum PaymentChannel
{
    [JsonStringEnumMemberName("card")]
    Card,

    [JsonStringEnumMemberName("bank_transfer")]
    BankTransfer,

    [JsonStringEnumMemberName("e_wallet")]
    EWallet,
}
