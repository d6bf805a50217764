using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>Drives <see cref="WalletState"/> without actors, as the actor does: expiries, decide, apply; keeps the events.</summary>
public sealed class PureWallet(WalletBounds bounds, DateTimeOffset start)
{
    public WalletState State { get; } = new(bounds);

    public DateTimeOffset Now { get; set; } = start;

    public List<WalletEvent> Events { get; } = [];

    public WalletReply Run(WalletCommand command)
    {
        foreach (var e in State.DueExpiries(Now, int.MaxValue))
        {
            Events.Add(e);
            State.Apply(e);
        }

        var decision = State.Decide(command, Now);
        if (decision.Reply is { } reply)
        {
            return reply;
        }

        Events.Add(decision.Event!);
        return State.Apply(decision.Event!)!.ToReply();
    }
}
