using LiveCasino.Actors.Persistence.EventSourcing;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The tables of the node, event-sourced (one entity, "edge-table-catalog"), so the lobby and the
/// tables to wake survive a restart whatever created them (the demo, an operator). Bounded by
/// <see cref="EdgeOptions.TablesMax"/>; a listing is idempotent.
/// </summary>
internal sealed class TableCatalogActor(int tablesMax) : EventSourcedActor<CatalogCommand, TableListed>
{
    public const string Id = "edge-table-catalog";

    private readonly Dictionary<string, TableListing> _tables = new(StringComparer.Ordinal);

    protected override string PersistenceId => Id;

    protected override void ApplyEvent(TableListed @event) =>
        _tables[@event.TableId] = new TableListing(@event.TableId, @event.StudioId, @event.Game);

    protected override async ValueTask HandleCommandAsync(CatalogCommand command)
    {
        switch (command)
        {
            case CatalogCommand.List list:
                var l = list.Listing;
                if (_tables.TryGetValue(l.TableId, out var existing) && existing == l)
                {
                    list.ReplyTo.Tell(new CatalogReply(true, null));
                    return;
                }

                if (existing is null && _tables.Count >= tablesMax)
                {
                    list.ReplyTo.Tell(new CatalogReply(false, $"the node lists at most {tablesMax} tables (LiveCasino:Edge:TablesMax)"));
                    return;
                }

                await PersistAsync(new TableListed(l.TableId, l.StudioId, l.Game, Context.Time.GetUtcNow())).ConfigureAwait(false);
                list.ReplyTo.Tell(new CatalogReply(true, null));
                return;
            case CatalogCommand.GetAll all:
                all.ReplyTo.Tell([.. _tables.Values.OrderBy(t => t.TableId, StringComparer.Ordinal)]);
                return;
        }
    }
}
