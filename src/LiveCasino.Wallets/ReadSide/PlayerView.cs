using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.ReadSide;

/// <summary>The read side's state of one wallet: its player account, open transfers and newest history lines.</summary>
internal sealed class PlayerView(string playerId)
{
    public string PlayerId { get; } = playerId;

    public string? Currency { get; set; }

    public AccountTotals Account { get; set; }

    public long LastSequenceNr { get; set; }

    /// <summary>Open transfers of this wallet: id -> amount (bounded by the wallet's own PendingTransfersMax).</summary>
    public Dictionary<string, long> Open { get; } = new(StringComparer.Ordinal);

    public List<WalletTransaction> Entries { get; } = [];
}
