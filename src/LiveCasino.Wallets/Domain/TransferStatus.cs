namespace LiveCasino.Wallets.Domain;

/// <summary>Where an operation's two-phase transfer stands. It leaves <see cref="Pending"/> at most once.</summary>
public enum TransferStatus
{
    /// <summary>The operation moves no pending money (settlement, adjustment, limits, or a rejection).</summary>
    None = 0,

    /// <summary>Reserved; can still be posted or voided (or expire, for bets).</summary>
    Pending = 1,

    /// <summary>Posted (deposit credited, withdrawal paid out, stake settled).</summary>
    Posted = 2,

    /// <summary>Voided by the caller (deposit failed, withdrawal refused, bet voided).</summary>
    Voided = 3,

    /// <summary>A bet reservation that reached its expiry unsettled: released, never postable.</summary>
    Expired = 4,
}
