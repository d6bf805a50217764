using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Wallet;

/// <summary><see cref="IWalletClient"/> over the node's <see cref="WalletDirectory"/> (the wallet entity region).</summary>
public sealed class WalletDirectoryClient(WalletDirectory wallets) : IWalletClient
{
    private readonly WalletDirectory _wallets = wallets ?? throw new ArgumentNullException(nameof(wallets));

    public Task<WalletReply> AskAsync(string playerId, WalletCommand command, CancellationToken cancellationToken) =>
        _wallets.AskAsync(playerId, command, cancellationToken);
}
