using LiveCasino.Actors.Core;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Edge;

/// <summary>A table the node runs: what the lobby lists and the node wakes at start-up.</summary>
public sealed record TableListing(string TableId, string StudioId, GameKind Game);

/// <summary>What the table catalog accepts.</summary>
internal abstract record CatalogCommand
{
    private protected CatalogCommand()
    {
    }

    /// <summary>Adds or updates a listing; refused past the catalog's bound.</summary>
    public sealed record List(TableListing Listing, ActorRef<CatalogReply> ReplyTo) : CatalogCommand;

    public sealed record GetAll(ActorRef<IReadOnlyList<TableListing>> ReplyTo) : CatalogCommand;
}

/// <summary>The answer to <see cref="CatalogCommand.List"/>.</summary>
internal sealed record CatalogReply(bool Listed, string? Problem);

/// <summary>Persisted: a table was listed (or its studio or game changed). Manifest "edge.table-listed.v1".</summary>
internal sealed record TableListed(string TableId, string StudioId, GameKind Game, DateTimeOffset At);
