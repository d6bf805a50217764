using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>
/// What a command comes to: either an answer now with nothing to store (a read, a retry, a
/// conflict), or one event to persist, after which the answer is the record it creates.
/// </summary>
public readonly struct WalletDecision
{
    private WalletDecision(WalletReply? reply, WalletEvent? @event)
    {
        Reply = reply;
        Event = @event;
    }

    public WalletReply? Reply { get; }

    public WalletEvent? Event { get; }

    public static WalletDecision Answer(WalletReply reply) => new(reply, null);

    public static WalletDecision Persist(WalletEvent @event) => new(null, @event);
}
