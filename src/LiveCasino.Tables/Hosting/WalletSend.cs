using Akka.Actor;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Hosting;

/// <summary>
/// How a table sends a command to a player's wallet; the wallet answers <paramref name="replyTo"/>
/// (the table) with a <see cref="WalletReply"/>. A lost command or answer is covered by the table's
/// own redelivery with the same operation id. On a node this is the wallet region
/// (<see cref="WalletSends.Over"/>); a test world may route to the wallets of the node running now.
/// </summary>
public delegate void WalletSend(string playerId, WalletCommand command, IActorRef replyTo);

public static class WalletSends
{
    /// <summary>Commands go to the wallet entity of the player in <paramref name="wallets"/>' region.</summary>
    public static WalletSend Over(WalletDirectory wallets)
    {
        ArgumentNullException.ThrowIfNull(wallets);
        return wallets.Tell;
    }
}
