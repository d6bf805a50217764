using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Gateway;

/// <summary>
/// A deposit or withdrawal we ask the provider to carry out. <paramref name="OperationId"/> is ours and
/// globally unique (the wallet's operation id of the deposit or withdrawal): the provider treats it as
/// the idempotency key, so sending the same request again never creates a second payment.
/// </summary>
public sealed record PaymentRequest(string OperationId, string PlayerId, Money Amount, PaymentChannel Channel)
{
    /// <summary>Longest accepted operation or player id, so that keys and report lines stay bounded.</summary>
    public const int IdLengthMax = 128;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public PaymentRequest Validate()
    {
        ValidateId(OperationId, nameof(OperationId));
        ValidateId(PlayerId, nameof(PlayerId));
        if (Amount.Minor <= 0)
        {
            throw new ArgumentException($"Payment {OperationId}: amount must be positive, was {Amount.Minor}.", nameof(Amount));
        }

        if (Amount.Currency is not { Length: 3 } || !Amount.Currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"Payment {OperationId}: currency must be three upper-case letters (ISO 4217), was '{Amount.Currency}'.", nameof(Amount));
        }

        if (!Enum.IsDefined(Channel))
        {
            throw new ArgumentException($"Payment {OperationId}: unknown channel {Channel}.", nameof(Channel));
        }

        return this;
    }

    internal static void ValidateId(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > IdLengthMax || id.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} must be 1 to {IdLengthMax} printable characters, was '{id}'.", name);
        }
    }
}
