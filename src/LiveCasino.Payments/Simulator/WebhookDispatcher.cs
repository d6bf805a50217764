using System.Net.Http.Headers;
using System.Text.Json;
using LiveCasino.Payments.Diagnostics;
using LiveCasino.Payments.Retry;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Payments.Wire;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Payments.Simulator;

/// <summary>
/// Sends the provider's notifications: signed afresh on every attempt (so a retry is never stale),
/// retried with capped exponential backoff and seeded jitter until the receiver answers 2xx or
/// <see cref="PaymentProviderOptions.DeliveryAttemptsMax"/> is reached; sometimes sent twice, sometimes
/// held back so later notifications overtake it. At most
/// <see cref="PaymentProviderOptions.DeliveriesInFlightMax"/> deliveries at once.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly PaymentProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ILogger _log;
    private readonly TrackedTasks _deliveries;
    private WebhookTarget? _target;
    private long _attempts;
    private long _delivered;
    private long _failedAttempts;
    private long _duplicates;
    private long _reordered;
    private long _abandoned;

    public WebhookDispatcher(PaymentProviderOptions options, TimeProvider time, ILogger log)
    {
        _options = options;
        _time = time;
        _log = log;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _deliveries = new TrackedTasks(options.DeliveriesInFlightMax);
        _target = options.WebhookUrl is null ? null : new WebhookTarget(options.WebhookUrl, options.WebhookSecret);
    }

    /// <summary>Where notifications go from now on (null: nowhere); deliveries under way keep their target.</summary>
    public WebhookTarget? Target
    {
        get => Volatile.Read(ref _target);
        set => Volatile.Write(ref _target, value);
    }

    public int InFlight => _deliveries.Count;

    public (long Attempts, long Delivered, long FailedAttempts, long Duplicates, long Reordered, long Abandoned) Counters =>
        (Interlocked.Read(ref _attempts), Interlocked.Read(ref _delivered), Interlocked.Read(ref _failedAttempts),
         Interlocked.Read(ref _duplicates), Interlocked.Read(ref _reordered), Interlocked.Read(ref _abandoned));

    /// <summary>Schedules delivery of <paramref name="notification"/>; <paramref name="random"/> is the payment's own.</summary>
    public void Publish(PaymentNotification notification, Random random)
    {
        if (Target is not { } target)
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(notification, PaymentsJsonContext.Default.PaymentNotification);
        var held = random.NextDouble() < _options.ReorderProbability;
        var duplicate = random.NextDouble() < _options.DuplicateProbability;
        var duplicateDelay = random.Between(TimeSpan.Zero, _options.ReorderDelay);
        if (held)
        {
            Interlocked.Increment(ref _reordered);
        }

        Start(target, notification.EventId, body, held ? _options.ReorderDelay : TimeSpan.Zero, copy: 0);
        if (duplicate)
        {
            Interlocked.Increment(ref _duplicates);
            Start(target, notification.EventId, body, duplicateDelay, copy: 1);
        }
    }

    private void Start(WebhookTarget target, string eventId, byte[] body, TimeSpan delay, int copy)
    {
        if (!_deliveries.TryRun(stopping => DeliverAsync(target, eventId, body, delay, copy, stopping)))
        {
            Interlocked.Increment(ref _abandoned);
            _log.WebhookOverflow(eventId, _options.DeliveriesInFlightMax);
        }
    }

    private async Task DeliverAsync(WebhookTarget target, string eventId, byte[] body, TimeSpan delay, int copy, CancellationToken stopping)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
        }

        var jitter = SeededRandom.For(_options.Seed, eventId + "#" + copy);
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _attempts);
            var outcome = await TryOnceAsync(target, body, stopping).ConfigureAwait(false);
            if (outcome is null)
            {
                Interlocked.Increment(ref _delivered);
                return;
            }

            Interlocked.Increment(ref _failedAttempts);
            if (attempt >= _options.DeliveryAttemptsMax)
            {
                Interlocked.Increment(ref _abandoned);
                _log.WebhookAbandoned(eventId, attempt, outcome);
                return;
            }

            var backoff = ExponentialBackoff.Delay(_options.RetryDelayInitial, _options.RetryDelayMax, attempt, 0.2, jitter);
            _log.WebhookRetry(eventId, attempt, outcome, backoff);
            await Task.Delay(backoff, _time, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Null when the receiver answered 2xx; otherwise what went wrong.</summary>
    private async Task<string?> TryOnceAsync(WebhookTarget target, byte[] body, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(target.Secret, _time.GetUtcNow(), body));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(_options.DeliveryTimeout);
        try
        {
            using var response = await _http.SendAsync(request, attempt.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : "HTTP " + (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _deliveries.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
