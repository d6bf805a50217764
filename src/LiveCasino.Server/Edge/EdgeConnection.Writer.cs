using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Edge;

/// <summary>The connection's writer task: resync snapshots first, then queued frames, to this connection only; and the session check.</summary>
public sealed partial class EdgeConnection
{
    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        try
        {
            while (true)
            {
                await SendResyncsAsync(cancellationToken).ConfigureAwait(false);
                if (reader.TryRead(out var item))
                {
                    if (ShouldSend(item))
                    {
                        await _hub.WriteAsync(item.Message!, cancellationToken).ConfigureAwait(false);
                        _metrics.Sent();
                    }

                    continue;
                }

                if (HasResyncs())
                {
                    continue;
                }

                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
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

    private bool ShouldSend(in Outgoing item)
    {
        if (item.Message is null)
        {
            return false;
        }

        if (item.TableId is not { } table)
        {
            return true;
        }

        lock (_gate)
        {
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
    }

    private bool HasResyncs()
    {
        lock (_gate)
        {
            return _resync.Count > 0;
        }
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
