namespace LiveCasino.Wallets.Ledger;

/// <summary>How a <see cref="Posting"/> changes the ledger (TigerBeetle's transfer flags).</summary>
public enum PostingKind
{
    /// <summary>Single-phase: debit and credit posted at once.</summary>
    Posted = 0,

    /// <summary>First phase: the amount is reserved as pending on both accounts.</summary>
    Pending = 1,

    /// <summary>Second phase: the pending transfer <see cref="Posting.TransferId"/> is posted in full.</summary>
    PostPending = 2,

    /// <summary>Second phase: the pending transfer <see cref="Posting.TransferId"/> is released.</summary>
    VoidPending = 3,
}

/// <summary>
/// One ledger movement: <paramref name="Amount"/> from <paramref name="Debit"/> to
/// <paramref name="Credit"/>. For <see cref="PostingKind.PostPending"/> and
/// <see cref="PostingKind.VoidPending"/> the id, accounts and amount must match the pending transfer.
/// </summary>
public readonly record struct Posting(PostingKind Kind, string TransferId, AccountKind Debit, AccountKind Credit, long Amount);
