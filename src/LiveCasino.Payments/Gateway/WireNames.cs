namespace LiveCasino.Payments.Gateway;

/// <summary>The stable text names of the payment enums (as in JSON and the settlement CSV), both ways.</summary>
public static class WireNames
{
    public static string Of(PaymentKind kind) => kind switch
    {
        PaymentKind.Deposit => "deposit",
        PaymentKind.Withdrawal => "withdrawal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Completed => "completed",
        PaymentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(PaymentChannel channel) => channel switch
    {
        PaymentChannel.Card => "card",
        PaymentChannel.BankTransfer => "bank_transfer",
        PaymentChannel.EWallet => "e_wallet",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static bool TryParse(string text, out PaymentKind kind) => TryParse(text, Enum.GetValues<PaymentKind>(), Of, out kind);

    public static bool TryParse(string text, out PaymentStatus status) => TryParse(text, Enum.GetValues<PaymentStatus>(), Of, out status);

    public static bool TryParse(string text, out PaymentChannel channel) => TryParse(text, Enum.GetValues<PaymentChannel>(), Of, out channel);

    private static bool TryParse<T>(string text, T[] values, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
