namespace LiveCasino.Wallets.Protocol;

/// <summary>The answer to every <see cref="WalletCommand"/>; a retry of the same operation gets the same answer.</summary>
public abstract record WalletReply(string OperationId, WalletBalance Balance) : IWalletMessage;

public sealed record WalletAccepted(string OperationId, WalletBalance Balance) : WalletReply(OperationId, Balance);

public sealed record WalletRejected(string OperationId, WalletRejection Reason, string Detail, WalletBalance Balance)
    : WalletReply(OperationId, Balance);

/// <summary>
/// The player's account in TigerBeetle's terms. Available = posted credits - posted debits - pending
/// debits, and it is never negative. Pending credits (deposits not yet confirmed) are not available.
/// </summary>
public sealed record WalletBalance(
    string Currency,
    long CreditsPosted,
    long DebitsPosted,
    long CreditsPending,
    long DebitsPending)
{
    public long Posted => CreditsPosted - DebitsPosted;

    public long Available => CreditsPosted - DebitsPosted - DebitsPending;

    public static WalletBalance Empty(string currency) => new(currency, 0, 0, 0, 0);
}

/// <summary>Why an operation was refused. Stable names: they reach clients and logs.</summary>
public enum WalletRejection
{
    /// <summary>Not enough available balance.</summary>
    InsufficientFunds,

    /// <summary>A responsible-gaming limit (daily deposit or loss) would be exceeded.</summary>
    LimitExceeded,

    /// <summary>Self-excluded: no new bets or deposits.</summary>
    SelfExcluded,

    /// <summary>The operation id was used before with different content.</summary>
    Conflict,

    /// <summary>The reservation / deposit / withdrawal is already resolved (posted or voided).</summary>
    AlreadySettled,

    /// <summary>The referenced reservation, deposit or withdrawal does not exist.</summary>
    Unknown,

    /// <summary>The reservation expired; it can only be voided.</summary>
    Expired,

    /// <summary>A void or cancel came first: this id is tombstoned.</summary>
    Tombstoned,

    /// <summary>Wrong currency, non-positive amount, wallet not open, or another malformed request.</summary>
    Invalid,
}
