using System.Collections.Concurrent;
using System.Text.Json;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Payments.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveCasino.Payments.Tests.Support;

/// <summary>
/// A bare webhook receiver for provider tests: verifies each request with the real
/// <see cref="WebhookVerifier"/>, answers 500 to the first <see cref="FailFirst"/> requests, and
/// records every verified notification it acknowledged, in arrival order.
/// </summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<PaymentNotification> _received = new();
    private readonly ConcurrentQueue<WebhookVerification> _verdicts = new();
    private readonly WebhookVerifier _verifier;
    private LoopbackHost? _host;
    private int _requests;

    public WebhookRecorder(string secret, int failFirst = 0)
    {
        _verifier = new WebhookVerifier(new WebhookVerifierOptions { Secrets = [secret] }, TimeProvider.System);
        FailFirst = failFirst;
    }

    public int FailFirst { get; }

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<PaymentNotification> Received => [.. _received];

    public IReadOnlyList<WebhookVerification> Verdicts => [.. _verdicts];

    public Uri Url => new(_host!.BaseAddress, "hooks");

    public async Task<WebhookRecorder> StartAsync()
    {
        _host = await LoopbackHost.StartAsync(_ => { }, app => app.MapPost("/hooks", (HttpRequest r) => ReceiveAsync(r)));
        return this;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var n = Interlocked.Increment(ref _requests);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var verdict = _verifier.Verify(request.Headers[WebhookSignature.HeaderName].ToString(), body);
        _verdicts.Enqueue(verdict);
        if (verdict != WebhookVerification.Valid)
        {
            return Results.StatusCode(401);
        }

        if (n <= FailFirst)
        {
            return Results.StatusCode(500);
        }

        _received.Enqueue(JsonSerializer.Deserialize(body, PaymentsJsonContext.Default.PaymentNotification)!);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
