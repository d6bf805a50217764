using LiveCasino.Actors.Core;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Wallet;

/// <summary>
/// How payments reach a player's wallet actor: build a command around a reply ref and await the
/// reply. The wallet answers rejections as <see cref="WalletRejected"/> results; this call throws
/// only when the wallet did not answer (ask timeout, shutdown), which payments treat as "try again".
/// </summary>
public interface IWalletClient
{
    Task<WalletReply> AskAsync(string playerId, Func<ActorRef<WalletReply>, WalletCommand> build, CancellationToken cancellationToken);
}
