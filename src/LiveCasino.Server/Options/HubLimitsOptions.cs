using LiveCasino.Server.Edge;

namespace LiveCasino.Server.Options;

/// <summary>
/// Configuration section <c>LiveCasino:Hubs</c>: limits of every hub connection, for the SignalR
/// hubs. The message size is applied to SignalR's <c>HubOptions</c> already; the per-connection
/// budgets are token buckets made by <see cref="MessageBudget"/> and <see cref="BetBudget"/>.
/// </summary>
public sealed class HubLimitsOptions
{
    public const string Section = "LiveCasino:Hubs";

    /// <summary>Largest incoming hub message (SignalR closes the connection past it).</summary>
    public int MessageBytesMax { get; set; } = 32 * 1024;

    /// <summary>Sustained incoming messages per second per connection, and the burst above it.</summary>
    public int MessagesPerSecond { get; set; } = 20;

    public int MessageBurst { get; set; } = 40;

    /// <summary>Sustained bets per second per connection, and the burst above it.</summary>
    public int BetsPerSecond { get; set; } = 10;

    public int BetBurst { get; set; } = 20;

    /// <summary>Outgoing table events queued per connection; past it deltas are dropped for a fresh snapshot.</summary>
    public int OutgoingBufferMax { get; set; } = 256;

    /// <summary>Hub connections one account may hold at once.</summary>
    public int ConnectionsPerAccountMax { get; set; } = 5;

    /// <summary>How often a long-lived connection re-checks that its session is still active.</summary>
    public TimeSpan SessionRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A fresh budget of hub messages for one connection.</summary>
    public TokenBucket MessageBudget(TimeProvider time) => new(time, MessagesPerSecond, MessageBurst);

    /// <summary>A fresh budget of bets for one connection.</summary>
    public TokenBucket BetBudget(TimeProvider time) => new(time, BetsPerSecond, BetBurst);
}
