using LiveCasino.Actors.Core;
using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// The table's reply address for wallet commands: wraps each <see cref="WalletReply"/> into the
/// table's protocol. One per table incarnation, so no ask (and no timer) per wallet message.
/// </summary>
internal sealed class WalletReplyForwarder(ActorRef<TableCommand> table) : Actor<WalletReply>
{
    protected override ValueTask ReceiveAsync(WalletReply message)
    {
        table.Tell(new TableCommand.WalletAnswered(message));
        return ValueTask.CompletedTask;
    }
}
