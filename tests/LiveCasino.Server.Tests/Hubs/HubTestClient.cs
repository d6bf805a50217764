using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// A raw SignalR JSON hub protocol client over <see cref="ClientWebSocket"/> (the .NET SignalR client
/// does not restore here): handshake, invocations (type 1) answered by completions (type 3), server
/// events (type 1 without an invocation id), close (type 7). Reading can be paused to play a viewer
/// that stops reading; the socket's receive buffer can be made small so the server's writes stall.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker? _invoker;
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new(StringComparer.Ordinal);
    private readonly List<(string Target, JsonObject Argument, bool Taken)> _received = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonObject?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _paused;
    private int _nextId;
    private Task _reader = Task.CompletedTask;
    private string _carry = string.Empty;
    private readonly List<string> _early = [];

    private HubTestClient(ClientWebSocket socket, HttpMessageInvoker? invoker)
    {
        _socket = socket;
        _invoker = invoker;
        _resume.SetResult();
    }

    /// <summary>The close message (type 7) if the server sent one, or null when the socket just ended.</summary>
    public Task<JsonObject?> Closed => _closed.Task;

    /// <summary>Opens the WebSocket and does the handshake.</summary>
    /// <param name="receiveBufferBytes">A small socket receive buffer, so a paused client stalls the server's writes soon.</param>
    public static async Task<HubTestClient> ConnectAsync(Uri baseAddress, string path, string? token, string? origin = null, int? receiveBufferBytes = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        HttpMessageInvoker? invoker = null;
        if (receiveBufferBytes is { } size)
        {
            invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = size };
                    await s.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(s, ownsSocket: true);
                },
            });
        }

        var uri = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = path };
        if (token is not null)
        {
            uri.Query = "access_token=" + Uri.EscapeDataString(token);
        }

        await socket.ConnectAsync(uri.Uri, invoker, CancellationToken.None).WaitAsync(Patience);
        var client = new HubTestClient(socket, invoker);
        await client.SendTextAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var handshake = await client.ReceiveFrameAsync().WaitAsync(Patience);
        Assert.Equal("{}", handshake[0]);
        client._early.AddRange(handshake.Skip(1));
        client._reader = Task.Run(client.ReadLoopAsync);
        return client;
    }

    /// <summary>The HTTP status a refused upgrade got (401, 403...).</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(Uri baseAddress, string path, string? token, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = path, Query = token is null ? "" : "access_token=" + Uri.EscapeDataString(token) };
        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri.Uri, CancellationToken.None).WaitAsync(Patience));
        Assert.NotEqual(0, (int)socket.HttpStatusCode);
        return socket.HttpStatusCode;
    }

    /// <summary>Invokes a hub method and answers the completion's result; a completion with an error throws <see cref="HubErrorException"/>.</summary>
    public async Task<JsonNode?> InvokeAsync(string target, params object?[] arguments)
    {
        var completion = await CompletionAsync(target, arguments);
        if (completion["error"] is { } error)
        {
            throw new HubErrorException((string)error!);
        }

        return completion["result"];
    }

    public async Task<JsonObject> InvokeObjectAsync(string target, params object?[] arguments) =>
        (await InvokeAsync(target, arguments))?.AsObject() ?? throw new InvalidOperationException($"{target} answered no result");

    /// <summary>The whole completion message of an invocation.</summary>
    public async Task<JsonObject> CompletionAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = answer;
        }

        var message = new JsonObject { ["type"] = 1, ["invocationId"] = id, ["target"] = target, ["arguments"] = JsonSerializer.SerializeToNode(arguments) };
        await SendTextAsync(message.ToJsonString() + RecordSeparator);
        try
        {
            return await answer.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new ProbeException($"No completion for {target} (invocation {id}) within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>Sends text as one WebSocket message, as is (for malformed and oversized input).</summary>
    public async Task SendTextAsync(string text)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// The first event named <paramref name="target"/> (matching <paramref name="match"/>) not taken
    /// yet, in arrival order; waits for it. Other events stay available for later calls.
    /// </summary>
    public async Task<JsonObject> NextEventAsync(string target, Func<JsonObject, bool>? match = null, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    for (var i = 0; i < _received.Count; i++)
                    {
                        var (t, argument, taken) = _received[i];
                        if (!taken && t == target && (match is null || match(argument)))
                        {
                            _received[i] = (t, argument, true);
                            return argument;
                        }
                    }

                    arrived = _arrived.Task;
                }

                await arrived.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new ProbeException($"No '{target}' event within {(patience ?? Patience).TotalSeconds} s.");
        }
    }

    /// <summary>Every event received so far and not taken (target and argument), in order; takes them.</summary>
    public List<(string Target, JsonObject Argument)> Drain()
    {
        lock (_gate)
        {
            var list = _received.Where(r => !r.Taken).Select(r => (r.Target, r.Argument)).ToList();
            for (var i = 0; i < _received.Count; i++)
            {
                _received[i] = (_received[i].Target, _received[i].Argument, true);
            }

            return list;
        }
    }

    /// <summary>Stops reading from the socket: the server's writes to it back up.</summary>
    public void PauseReading()
    {
        lock (_gate)
        {
            _paused = true;
            _resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ResumeReading()
    {
        lock (_gate)
        {
            _paused = false;
            _resume.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        ResumeReading();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // Closing anyway.
        }

        _socket.Abort();
        _socket.Dispose();
        _invoker?.Dispose();
        _send.Dispose();
    }

    private static JsonObject Argument(JsonObject e) => e["arguments"]!.AsArray()[0]!.AsObject();

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                Task resume;
                lock (_gate)
                {
                    resume = _paused ? _resume.Task : Task.CompletedTask;
                }

                await resume;
                List<string> texts = _early.Count > 0 ? [.. _early] : await ReceiveFrameAsync();
                _early.Clear();
                foreach (var text in texts)
                {
                    var message = JsonNode.Parse(text)!.AsObject();
                    switch ((int)message["type"]!)
                    {
                        case 1:
                            TaskCompletionSource pulse;
                            lock (_gate)
                            {
                                _received.Add(((string)message["target"]!, Argument(message), false));
                                pulse = _arrived;
                                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            }

                            pulse.TrySetResult();
                            break;
                        case 3:
                            TaskCompletionSource<JsonObject>? answer;
                            lock (_gate)
                            {
                                _pending.Remove((string)message["invocationId"]!, out answer);
                            }

                            answer?.TrySetResult(message);
                            break;
                        case 7:
                            _closed.TrySetResult(message);
                            return;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _closed.TrySetResult(null);
        }
    }

    /// <summary>One WebSocket message split into its hub messages (each ends with 0x1E).</summary>
    private async Task<List<string>> ReceiveFrameAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                break;
            }
        }

        // A hub message could in principle span WebSocket messages: keep an unfinished tail for the next one.
        var text = _carry + Encoding.UTF8.GetString(message.ToArray());
        var end = text.LastIndexOf(RecordSeparator);
        _carry = end < 0 ? text : text[(end + 1)..];
        return end < 0 ? [] : [.. text[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)];
    }
}

/// <summary>A completion with an error.</summary>
public sealed class HubErrorException(string message) : Exception(message);
