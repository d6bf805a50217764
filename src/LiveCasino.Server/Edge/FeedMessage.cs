using Akka.Actor;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Server.Edge;

/// <summary>What a table feed actor handles besides the table's own notifications (local only: never serialized).</summary>
internal abstract record FeedMessage : INoSerializationVerificationNeeded
{
    private protected FeedMessage()
    {
    }

    /// <summary>Periodic: subscribe again (a restarted table forgot us) and compare sequence numbers.</summary>
    public sealed record Check : FeedMessage;

    /// <summary>A snapshot asked for statistics after a round ended (null: the table did not answer).</summary>
    public sealed record StatsFetched(TableSnapshot? Snapshot) : FeedMessage;

    /// <summary>The number of viewers changed; tell the table and the viewers (throttled).</summary>
    public sealed record ViewersChanged : FeedMessage;

    public sealed record ViewerTimer : FeedMessage;

    /// <summary>A player's bets in the current round as the table knows them (given on join), so the feed can tell them their payout.</summary>
    public sealed record SeedBets(PlayerBets Bets) : FeedMessage;
}
