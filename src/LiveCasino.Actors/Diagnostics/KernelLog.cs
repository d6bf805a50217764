using LiveCasino.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Actors.Diagnostics;

/// <summary>Source-generated log messages of the kernel (no formatting cost when disabled).</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Actor {Path} failed; directive {Directive}")]
    public static partial void ActorFailed(ILogger logger, Exception error, string path, Directive directive);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Actor {Path} reached {MaxRestarts} restarts within {Within} and is stopped")]
    public static partial void RestartLimitReached(ILogger logger, string path, int maxRestarts, TimeSpan within);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Supervisor decider of {Path} threw; the actor is stopped")]
    public static partial void DeciderFailed(ILogger logger, Exception error, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Lifecycle hook {Hook} of {Path} threw")]
    public static partial void HookFailed(ILogger logger, Exception error, string path, string hook);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Actor {Path} failed while stopping")]
    public static partial void FailureWhileStopping(ILogger logger, Exception error, string path);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Critical, Message = "Kernel fault while running {Path}; the actor is terminated")]
    public static partial void KernelFault(ILogger logger, Exception error, string path);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Persist of {PersistenceId} rejected at sequence {SequenceNr}")]
    public static partial void PersistRejected(ILogger logger, Exception error, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Persist of {PersistenceId} failed at sequence {SequenceNr}; the actor stops")]
    public static partial void PersistFailed(ILogger logger, Exception error, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Snapshot of {PersistenceId} at {SequenceNr} failed to save")]
    public static partial void SnapshotFailed(ILogger logger, Exception error, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Recovered {PersistenceId} to sequence {SequenceNr} ({Replayed} events replayed, snapshot at {SnapshotNr})")]
    public static partial void Recovered(ILogger logger, string persistenceId, long sequenceNr, long replayed, long snapshotNr);
}
