namespace LiveCasino.Actors.Core;

internal enum CellState
{
    /// <summary>An instance must be created and started before user messages are handled.</summary>
    Starting,

    Running,

    /// <summary>Failed; waiting for a backoff timer before restarting. Messages keep queueing.</summary>
    Suspended,

    /// <summary>Stopping children; no user messages are handled.</summary>
    Stopping,

    Terminated,
}
