namespace LiveCasino.Wallets.Ledger;

/// <summary>
/// The accounts of a wallet's double-entry ledger. Every movement debits one and credits another
/// by the same amount, so the debits and credits of all accounts always sum to the same total.
/// The player's account is credit-normal (money owed to the player); the others are the
/// counterparties the money comes from or goes to.
/// </summary>
public enum AccountKind
{
    /// <summary>What the casino owes the player. Its debits (pending and posted) never exceed its posted credits.</summary>
    Player = 0,

    /// <summary>The house: takes settled stakes, pays payouts. Unconstrained.</summary>
    House = 1,

    /// <summary>The payment provider's clearing account: source of deposits, destination of withdrawals.</summary>
    PaymentClearing = 2,

    /// <summary>Operator adjustments (re-settlements, goodwill), each with a reason and who made it.</summary>
    Adjustments = 3,
}
