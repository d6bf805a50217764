using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Orchestration;

/// <summary>One deposit or withdrawal as <see cref="PaymentsService"/> tracks it; a new value replaces the old on each change.</summary>
public sealed record PaymentRecord(
    PaymentKind Kind,
    PaymentRequest Request,
    PaymentState State,
    string? ProviderReference,
    int SubmitAttempts,
    string Detail,
    DateTimeOffset UpdatedAt)
{
    public string OperationId => Request.OperationId;

    /// <summary>Final: nothing more will happen to it.</summary>
    public bool IsFinal => State is PaymentState.Completed or PaymentState.Failed or PaymentState.WalletRejected or PaymentState.ProviderRejected;

    /// <summary>An operator should look: money is held (reserved or pending) and the provider does not have the request.</summary>
    public bool NeedsOperator => State is PaymentState.SubmitFailed or PaymentState.WalletUnavailable;
}
