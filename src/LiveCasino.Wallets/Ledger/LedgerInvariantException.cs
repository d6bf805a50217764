namespace LiveCasino.Wallets.Ledger;

/// <summary>
/// A ledger invariant does not hold: a bug or a corrupt journal, never bad input (bad input is a
/// rejection). Thrown on write and on replay, so the wallet fails loudly instead of drifting.
/// </summary>
public sealed class LedgerInvariantException(string message) : InvalidOperationException(message);
