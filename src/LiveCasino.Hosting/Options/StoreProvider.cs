namespace LiveCasino.Hosting.Options;

/// <summary>Where a node keeps its journal and snapshots.</summary>
public enum StoreProvider
{
    /// <summary>One embedded SQLite file under the node's data directory: a single node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by the nodes of a cluster.</summary>
    Postgres,
}
