using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>The wallet's own timer tick: release reservations whose expiry has come. Nobody is answered.</summary>
internal sealed record ExpireDue() : WalletCommand("expire-due")
{
    public static readonly ExpireDue Instance = new();
}

/// <summary>Test and diagnostics hook: the whole state as a canonical digest (see WalletState.Digest).</summary>
internal sealed record InspectWallet(string OperationId) : WalletCommand(OperationId);

/// <summary>Answer to <see cref="InspectWallet"/>.</summary>
internal sealed record WalletInspected(string OperationId, WalletBalance Balance, string Digest, long SequenceNr) : WalletReply(OperationId, Balance);
