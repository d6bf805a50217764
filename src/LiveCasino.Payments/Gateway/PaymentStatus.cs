using System.Text.Json.Serialization;

namespace LiveCasino.Payments.Gateway;

/// <summary>
/// Where a payment stands, as the provider and the ledger both see it: pending until the provider
/// decides, then completed (money moved) or failed (declined, refused: no money moved). Terminal
/// states never change again.
/// </summary>
public enum PaymentStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
