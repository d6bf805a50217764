namespace LiveCasino.Payments.Reconciliation;

/// <summary>What is wrong with one payment when the provider's report and our ledger are compared; none means matched.</summary>
[Flags]
public enum Discrepancy
{
    None = 0,

    /// <summary>The provider has it; our ledger does not.</summary>
    MissingInLedger = 1,

    /// <summary>Our ledger has it; the provider's report does not.</summary>
    MissingAtProvider = 2,

    /// <summary>Different amounts in minor units.</summary>
    AmountMismatch = 4,

    /// <summary>Different currencies.</summary>
    CurrencyMismatch = 8,

    /// <summary>Different status (e.g. completed at the provider, still pending or failed with us).</summary>
    StatusMismatch = 16,

    /// <summary>The same operation id names another player.</summary>
    PlayerMismatch = 32,

    /// <summary>Deposit on one side, withdrawal on the other.</summary>
    KindMismatch = 64,

    /// <summary>Our ledger recorded a different provider reference.</summary>
    ReferenceMismatch = 128,

    /// <summary>The operation id appears again on one side (two players used it, or the report repeats it); the extra entry stands alone on its line.</summary>
    DuplicateOperationId = 256,
}
