using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Sharding;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The tables of the node, event-sourced: the one entity ("edge-table-catalog") of the
/// "table-catalog" region, so the lobby and the tables to wake survive a restart whatever created
/// them (the demo, an operator), and every node of a cluster reads the same list. Bounded by
/// <see cref="EdgeOptions.TablesMax"/>; a listing is idempotent (the same listing again changes
/// nothing), so a caller may send it again after a timeout.
/// </summary>
internal sealed class TableCatalogActor : ReceivePersistentActor
{
    public const string Id = "edge-table-catalog";

    private readonly Dictionary<string, TableListing> _tables = new(StringComparer.Ordinal);

    public TableCatalogActor(int tablesMax, TimeProvider time)
    {
        Recover<TableListed>(Apply);
        Command<CatalogCommand.List>(list =>
        {
            var l = list.Listing;
            if (_tables.TryGetValue(l.TableId, out var existing) && existing == l)
            {
                Sender.Tell(new CatalogReply(true, null));
                return;
            }

            if (existing is null && _tables.Count >= tablesMax)
            {
                Sender.Tell(new CatalogReply(false, $"the node lists at most {tablesMax} tables (LiveCasino:Edge:TablesMax)"));
                return;
            }

            var sender = Sender;
            var listed = new TableListed(l.TableId, l.StudioId, l.Game, time.GetUtcNow());
            Persist(listed, _ =>
            {
                Apply(listed);
                sender.Tell(new CatalogReply(true, null));
            });
        });
        Command<CatalogCommand.GetAll>(_ => Sender.Tell(new CatalogListings([.. _tables.Values.OrderBy(t => t.TableId, StringComparer.Ordinal)])));
        Command<EntityStop>(_ => Context.Stop(Self));
    }

    public override string PersistenceId => Id;

    public static Props Props(int tablesMax, TimeProvider time) => Akka.Actor.Props.Create(() => new TableCatalogActor(tablesMax, time));

    private void Apply(TableListed e) => _tables[e.TableId] = new TableListing(e.TableId, e.StudioId, e.Game);
}
