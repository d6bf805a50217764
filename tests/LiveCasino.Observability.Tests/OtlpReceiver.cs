using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace LiveCasino.Observability.Tests;

/// <summary>
/// A real OTLP/HTTP receiver in the test process (HttpListener on a free loopback port): records
/// each request's path, content type and JSON body, and answers with a chosen status.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(string Path, string? ContentType, JsonDocument Body)> _received = Channel.CreateUnbounded<(string, string?, JsonDocument)>();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Status answered to every request (200 unless a test wants a failure).</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public async Task<(string Path, string? ContentType, JsonDocument Body)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out (string Path, string? ContentType, JsonDocument Body) request) => _received.Reader.TryRead(out request);

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Closing the listener ends the loop with an exception.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            await _received.Writer.WriteAsync((context.Request.Url!.AbsolutePath, context.Request.ContentType, JsonDocument.Parse(body.ToArray())));
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }
}
