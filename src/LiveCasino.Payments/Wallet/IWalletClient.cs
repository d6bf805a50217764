using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Wallet;

/// <summary>
/// How payments reach a player's wallet: send a command (with its caller-made operation id) and
/// await the reply. The wallet answers rejections as <see cref="WalletRejected"/> results; this call
/// throws only when the wallet did not answer (every try timed out, shutdown), which payments treat
/// as "try again" with the same id.
/// </summary>
public interface IWalletClient
{
    Task<WalletReply> AskAsync(string playerId, WalletCommand command, CancellationToken cancellationToken);
}
