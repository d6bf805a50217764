namespace LiveCasino.Stores.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the writer connection (WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is fsynced: an acknowledged write survives power loss. The default.</summary>
    Full,

    /// <summary>Commits survive a process crash but the last ones may be lost on power loss.</summary>
    Normal,
}
