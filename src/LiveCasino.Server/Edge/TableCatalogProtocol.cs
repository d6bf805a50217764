using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Edge;

/// <summary>A table the node runs: what the lobby lists and the node wakes at start-up.</summary>
public sealed record TableListing(string TableId, string StudioId, GameKind Game);

/// <summary>What crosses the table catalog's region (commands and replies); bound to LiveCasino's serializer.</summary>
internal interface ICatalogMessage;

/// <summary>What the table catalog accepts; every command is answered to its sender.</summary>
internal abstract record CatalogCommand : ICatalogMessage
{
    private protected CatalogCommand()
    {
    }

    /// <summary>Adds or updates a listing; refused past the catalog's bound. Idempotent: the listing is its own id.</summary>
    public sealed record List(TableListing Listing) : CatalogCommand;

    /// <summary>Every listing, answered with <see cref="CatalogListings"/>.</summary>
    public sealed record GetAll : CatalogCommand;
}

/// <summary>The answer to <see cref="CatalogCommand.List"/>.</summary>
internal sealed record CatalogReply(bool Listed, string? Problem) : ICatalogMessage;

/// <summary>The answer to <see cref="CatalogCommand.GetAll"/>, in table id order.</summary>
internal sealed record CatalogListings(IReadOnlyList<TableListing> Tables) : ICatalogMessage;

/// <summary>Persisted: a table was listed (or its studio or game changed). Manifest "edge.table-listed.v1".</summary>
internal sealed record TableListed(string TableId, string StudioId, GameKind Game, DateTimeOffset At);
