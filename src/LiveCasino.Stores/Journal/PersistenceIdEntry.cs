namespace LiveCasino.Stores.Journal;

/// <summary>A persistence id and its position in the order ids were first written (a resumable offset).</summary>
public readonly record struct PersistenceIdEntry(string PersistenceId, long Position);
