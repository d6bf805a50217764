using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Writing to this connection: the producer's own write when the connection is idle, the pump
/// that drains the outbox otherwise (snapshots owed first, then queued frames, in order), and the
/// session check.
/// </summary>
public sealed partial class EdgeConnection
{
    /// <summary>
    /// The caller owns the pipe (it set <c>_pumping</c>): writes on its own thread. A write that
    /// completes at once (the pipe had room) leaves the connection idle again unless frames queued
    /// meanwhile; one that has to wait for the socket is handed to a pump, so the producer never waits.
    /// </summary>
    private void WriteOwned(SerializedHubMessage message)
    {
        ValueTask write;
        try
        {
            write = _hub.WriteAsync(message, _stop.Token);
        }
        catch (ObjectDisposedException)
        {
            return; // closed meanwhile
        }

        if (!write.IsCompletedSuccessfully)
        {
            StartPump(write, counted: false);
            return;
        }

        _metrics.Sent();
        lock (_gate)
        {
            if (_outbox.Count == 0 && _resync.Count == 0)
            {
                _pumping = false;
                return;
            }
        }

        // Frames queued while we wrote: drain them on the pool, not on the producer's thread.
        StartPump(default, counted: true);
    }

    private void StartPump(ValueTask pending, bool counted)
    {
        Volatile.Write(ref _pump, pending.IsCompleted ? Task.Run(() => PumpAsync(pending, counted)) : PumpAsync(pending, counted));
    }

    /// <summary>Owns the pipe until the outbox is empty and no snapshot is owed; then the connection is idle again.</summary>
    private async Task PumpAsync(ValueTask pending, bool counted)
    {
        try
        {
            await pending.ConfigureAwait(false);
            if (!counted)
            {
                _metrics.Sent();
            }

            while (true)
            {
                await SendResyncsAsync(_stop.Token).ConfigureAwait(false);
                SerializedHubMessage? next = null;
                lock (_gate)
                {
                    while (next is null && _outbox.TryDequeue(out var item))
                    {
                        next = AdmitLocked(item) ? item.Message : null;
                    }

                    if (next is null && _resync.Count == 0)
                    {
                        _pumping = false;
                        return;
                    }
                }

                if (next is not null)
                {
                    await _hub.WriteAsync(next, _stop.Token).ConfigureAwait(false);
                    _metrics.Sent();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            Log.WriterStopped(_log, ConnectionId, e.Message);
        }
    }

    /// <summary>Under the gate: whether a queued frame still goes out (its table watched, not covered by a snapshot sent or owed).</summary>
    private bool AdmitLocked(in Outgoing item)
    {
        if (item.Message is null)
        {
            return false;
        }

        if (item.TableId is not { } table)
        {
            return true;
        }

        if (!_tables.TryGetValue(table, out var covered) || _resync.ContainsKey(table))
        {
            return false; // left, or a snapshot is coming that covers it
        }

        if (item.Seq > 0)
        {
            if (item.Seq <= covered)
            {
                return false;
            }

            _tables[table] = item.Seq;
        }

        return true;
    }

    private async Task SendResyncsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            string table, reason;
            lock (_gate)
            {
                if (_resync.Count == 0)
                {
                    return;
                }

                (table, reason) = _resync.First();
                _resync.Remove(table);
            }

            var fresh = await _resyncSource.ResyncAsync(this, table, reason, cancellationToken).ConfigureAwait(false);
            if (fresh is not { } f || !Watches(table))
            {
                continue; // the client sees the gap at the next event and asks itself
            }

            Covered(table, f.Seq);
            await _hub.WriteAsync(f.Frame, cancellationToken).ConfigureAwait(false);
            _metrics.Sent();
        }
    }

    private async Task CheckSessionAsync(Func<CancellationToken, Task<bool>> sessionActive)
    {
        if (IsClosed)
        {
            return;
        }

        bool active;
        try
        {
            active = await sessionActive(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return; // could not check (node stopping, timeout): the next check decides
        }

        if (active || IsClosed)
        {
            return;
        }

        Log.SessionEnded(_log, ConnectionId, Who.AccountId);
        try
        {
            var frame = Hubs.HubFrames.Event("sessionEnded", new Hubs.Contracts.SessionEndedEvent("the session has ended (logged out, revoked or expired)"), Hubs.HubJsonContext.Default.SessionEndedEvent);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _hub.WriteAsync(frame, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Closing anyway.
        }

        _hub.Abort();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Connection {ConnectionId} ({Account}) too slow: {Dropped} queued events dropped, resync follows")]
        public static partial void Overflow(ILogger logger, string connectionId, string account, int dropped);

        [LoggerMessage(EventId = 701, Level = LogLevel.Debug, Message = "Writer of connection {ConnectionId} stopped: {Reason}")]
        public static partial void WriterStopped(ILogger logger, string connectionId, string reason);

        [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Connection {ConnectionId} ({Account}) closed: its session ended")]
        public static partial void SessionEnded(ILogger logger, string connectionId, string account);
    }
}
