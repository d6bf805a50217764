using LiveCasino.Payments.Gateway;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// A deposit or withdrawal as our ledger sees it: pending (deposit begun / withdrawal reserved),
/// completed (credit or debit posted) or failed (voided / released). <see cref="ProviderReference"/>
/// is known once the provider's confirmation was applied.
/// </summary>
public sealed record LedgerPaymentRecord(
    string OperationId,
    string PlayerId,
    PaymentKind Kind,
    Money Amount,
    PaymentStatus Status,
    string? ProviderReference);
