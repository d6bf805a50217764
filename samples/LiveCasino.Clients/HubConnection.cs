using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveCasino.Clients;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over <see cref="ClientWebSocket"/> (the .NET
/// SignalR client does not restore here): handshake, invocations answered by completions, server
/// events, pings every 15 s. Events are kept in a bounded buffer (<see cref="EventsKept"/>) from
/// which <see cref="WaitForAsync"/> takes them in arrival order, so a caller can invoke methods
/// and wait for events in one sequential flow. See docs/protocol.md.
/// </summary>
public sealed class HubConnection : IAsyncDisposable
{
    /// <summary>Events kept for <see cref="WaitForAsync"/>; older ones are dropped.</summary>
    public const int EventsKept = 512;

    /// <summary>Largest message accepted from the server.</summary>
    public const int MessageBytesMax = 4 * 1024 * 1024;

    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new(StringComparer.Ordinal);
    private readonly LinkedList<(HubEvent Event, bool Taken)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _carry = string.Empty;
    private long _nextId;
    private Task _reader = Task.CompletedTask;
    private Task _pinger = Task.CompletedTask;

    private HubConnection(ClientWebSocket socket) => _socket = socket;

    /// <summary>Completes when the connection ends, with the server's close error if it sent one.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Opens <paramref name="baseAddress"/> + <paramref name="path"/> with the token in the query string, and shakes hands.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri baseAddress, string path, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var uri = new UriBuilder(baseAddress)
        {
            Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = path,
            Query = "access_token=" + Uri.EscapeDataString(accessToken),
        };
        try
        {
            await socket.ConnectAsync(uri.Uri, cancellationToken).ConfigureAwait(false);
            var connection = new HubConnection(socket);
            await connection.SendAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, cancellationToken).ConfigureAwait(false);
            var first = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (first.Count == 0 || first[0] != "{}")
            {
                throw new HubInvocationException("handshake refused: " + (first.Count > 0 ? first[0] : "nothing"));
            }

            foreach (var early in first.Skip(1))
            {
                connection.Dispatch(early);
            }

            connection._reader = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            connection._pinger = Task.Run(connection.PingLoopAsync, CancellationToken.None);
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Invokes a hub method; answers its result (null for none). An error completion throws <see cref="HubInvocationException"/>.</summary>
    public async Task<JsonNode?> InvokeAsync(string target, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = answer;
        }

        var args = new JsonArray();
        foreach (var a in arguments)
        {
            args.Add(a?.DeepClone());
        }

        var message = new JsonObject { ["type"] = 1, ["invocationId"] = id, ["target"] = target, ["arguments"] = args };
        try
        {
            await SendAsync(message.ToJsonString() + RecordSeparator, cancellationToken).ConfigureAwait(false);
            var completion = await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return completion["error"] is { } error ? throw new HubInvocationException(target + ": " + (string?)error) : completion["result"];
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(id);
            }
        }
    }

    /// <summary>Invokes a method with one object argument (the dealer hub's style) and answers the result object.</summary>
    public async Task<JsonObject> InvokeObjectAsync(string target, JsonNode? argument, CancellationToken cancellationToken) =>
        (await InvokeAsync(target, argument is null ? [] : [argument], cancellationToken).ConfigureAwait(false))?.AsObject()
        ?? throw new HubInvocationException(target + " answered nothing");

    /// <summary>
    /// The first event named <paramref name="target"/> matching <paramref name="match"/> not taken yet
    /// (in arrival order, among the last <see cref="EventsKept"/>), or the next one to arrive; null after <paramref name="timeout"/>.
    /// </summary>
    public async Task<JsonObject?> WaitForAsync(string target, Func<JsonObject, bool>? match, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                for (var node = _events.First; node is not null; node = node.Next)
                {
                    if (!node.Value.Taken && node.Value.Event.Target == target && (match is null || match(node.Value.Event.Payload)))
                    {
                        node.Value = (node.Value.Event, true);
                        return node.Value.Event.Payload;
                    }
                }

                arrived = _arrived.Task;
            }

            try
            {
                await Task.WhenAny(arrived, _closed.Task).WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (_closed.Task.IsCompleted)
            {
                throw new HubInvocationException("the connection closed: " + (_closed.Task.Result ?? "no reason given"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing anyway.
        }

        _socket.Abort();
        await Task.WhenAll(_reader, _pinger).ConfigureAwait(false);
        _socket.Dispose();
        _sending.Dispose();
        _stop.Dispose();
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var text in await ReceiveAsync(_stop.Token).ConfigureAwait(false))
                {
                    if (Dispatch(text) is { } close)
                    {
                        _closed.TrySetResult(close);
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or JsonException or InvalidOperationException)
        {
            _closed.TrySetResult(e is OperationCanceledException ? null : e.Message);
        }
        finally
        {
            _closed.TrySetResult(null);
            lock (_gate)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new HubInvocationException("the connection closed"));
                }
            }
        }
    }

    /// <summary>Handles one hub message; answers the close reason when it is a close message.</summary>
    private string? Dispatch(string text)
    {
        var message = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("an empty hub message");
        switch ((int?)message["type"])
        {
            case 1 when message["invocationId"] is null:
                var e = new HubEvent((string?)message["target"] ?? string.Empty, message["arguments"]?.AsArray().FirstOrDefault()?.AsObject() ?? []);
                TaskCompletionSource pulse;
                lock (_gate)
                {
                    _events.AddLast((e, false));
                    while (_events.Count > EventsKept)
                    {
                        _events.RemoveFirst();
                    }

                    pulse = _arrived;
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                pulse.TrySetResult();
                return null;
            case 3:
                TaskCompletionSource<JsonObject>? answer;
                lock (_gate)
                {
                    _pending.TryGetValue((string?)message["invocationId"] ?? string.Empty, out answer);
                }

                answer?.TrySetResult(message);
                return null;
            case 7:
                return (string?)message["error"] ?? "closed by the server";
            default:
                return null; // pings and anything newer
        }
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(PingInterval, _stop.Token).ConfigureAwait(false);
                await SendAsync("{\"type\":6}" + RecordSeparator, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }

    /// <summary>The hub messages of one WebSocket message (an unfinished tail waits for the next).</summary>
    private async Task<List<string>> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("the server closed the WebSocket");
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MessageBytesMax)
            {
                throw new WebSocketException("a server message is over " + MessageBytesMax + " bytes");
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        var text = _carry + Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        var end = text.LastIndexOf(RecordSeparator);
        _carry = end < 0 ? text : text[(end + 1)..];
        return end < 0 ? [] : [.. text[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)];
    }
}
