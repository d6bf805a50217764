using LiveCasino.Payments.Wallet;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Server.Wallets;

/// <summary>
/// <see cref="IWalletClient"/> for payments and webhooks that resolves the wallet region at call
/// time: the webhook endpoint is mapped before the node starts, and a webhook that comes before the
/// wallets are up gets the "wallet unavailable" answer (503, the provider retries).
/// </summary>
public sealed class RuntimeWalletClient(WalletRuntime wallets) : IWalletClient
{
    public Task<WalletReply> AskAsync(string playerId, WalletCommand command, CancellationToken cancellationToken) =>
        wallets.Directory.AskAsync(playerId, command, cancellationToken);
}
