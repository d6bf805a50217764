namespace LiveCasino.Server.Options;

/// <summary>Configuration section <c>LiveCasino:Wallets</c>: the currency of new wallets and the bounds of the wallet API.</summary>
public sealed class WalletApiOptions
{
    public const string Section = "LiveCasino:Wallets";

    /// <summary>ISO 4217 currency of every new player's wallet.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Largest single deposit, in minor units (default 100,000.00).</summary>
    public long DepositMinorMax { get; set; } = 10_000_000;

    /// <summary>Largest single withdrawal, in minor units.</summary>
    public long WithdrawalMinorMax { get; set; } = 10_000_000;

    /// <summary>Largest page of transaction history.</summary>
    public int HistoryPageSizeMax { get; set; } = 100;

    /// <summary>A wallet idle this long leaves memory (its state stays in the journal).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one try of a wallet command waits for its answer; an unanswered command is sent
    /// again with the same id (3 tries). Short enough that a caller bounded at 5 s (payments,
    /// webhooks) still gets its retry when a command is lost while a wallet moves.
    /// </summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
