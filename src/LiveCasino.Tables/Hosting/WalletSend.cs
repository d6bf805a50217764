using LiveCasino.Actors.Core;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Hosting;

/// <summary>
/// How a table sends a command to a player's wallet, the reply going to <paramref name="replyTo"/>.
/// Tables still run on the kernel while wallets are entities of Akka's wallet region, so
/// <see cref="WalletBridge.Over"/> carries each command across; a lost command or reply is covered
/// by the table's own redelivery with the same operation id.
/// </summary>
public delegate void WalletSend(string playerId, WalletCommand command, ActorRef<WalletReply> replyTo);

/// <summary>The <see cref="WalletSend"/> over Akka's wallet region (until tables move onto Akka too).</summary>
public static class WalletBridge
{
    public static WalletSend Over(WalletDirectory wallets)
    {
        ArgumentNullException.ThrowIfNull(wallets);
        return (playerId, command, replyTo) => _ = ForwardAsync(wallets, playerId, command, replyTo);
    }

    private static async Task ForwardAsync(WalletDirectory wallets, string playerId, WalletCommand command, ActorRef<WalletReply> replyTo)
    {
        try
        {
            replyTo.Tell(await wallets.AskAsync(playerId, command).ConfigureAwait(false));
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException or OperationCanceledException)
        {
            // No answer: the table's sweep sends the same command again.
        }
    }
}
