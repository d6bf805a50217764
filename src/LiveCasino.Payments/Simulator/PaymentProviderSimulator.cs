using System.Globalization;
using System.Net;
using LiveCasino.Payments.Diagnostics;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Payments.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveCasino.Payments.Simulator;

/// <summary>
/// A simulated payment provider that runs as a real HTTP service (ASP.NET Core minimal API on
/// Kestrel, 127.0.0.1). It accepts deposits and withdrawals idempotently by our operation id,
/// decides each outcome from a seeded random (success rate, decline reasons, processing delay),
/// and reports it by a signed webhook that is retried until 2xx, sometimes duplicated and sometimes
/// overtaken by later ones. It exports a settlement report as CSV and can be put "down" (503s).
/// Tests run it in-process on a free port; samples/LiveCasino.PaymentProvider hosts it as a process.
/// The HTTP API is described in docs/payments.md.
/// </summary>
public sealed partial class PaymentProviderSimulator : IAsyncDisposable
{
    private readonly PaymentProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly ProviderBook _book;
    private readonly WebhookDispatcher _webhooks;
    private readonly TrackedTasks _processing;
    private WebApplication? _app;
    private Uri? _baseAddress;
    private int _fault;
    private int _disposed;
    private long _events;
    private long _requests;
    private long _refusedWhileDown;
    private long _created;
    private long _resolved;

    public PaymentProviderSimulator(PaymentProviderOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _log = _loggerFactory.CreateLogger("LiveCasino.Payments.Simulator");
        _book = new ProviderBook(options.PaymentsMax);
        _webhooks = new WebhookDispatcher(options, _time, _log);
        _processing = new TrackedTasks(options.PaymentsMax);
        _fault = (int)options.Fault;
    }

    /// <summary>Root of the API, e.g. http://127.0.0.1:41234/; available once started.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The simulator is not started.");

    /// <summary>The current fault; set it to take the API down or bring it back.</summary>
    public ProviderFault Fault
    {
        get => (ProviderFault)Volatile.Read(ref _fault);
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown fault.");
            }

            Volatile.Write(ref _fault, (int)value);
        }
    }

    /// <summary>
    /// Where notifications go from now on, and the signing secret (as a merchant sets its endpoint in a
    /// provider's dashboard); null stops sending. Deliveries already under way keep their target.
    /// </summary>
    public WebhookTarget? Webhook
    {
        get => _webhooks.Target;
        set => _webhooks.Target = value?.Validate();
    }

    /// <summary>Every payment, in creation order.</summary>
    public IReadOnlyList<ProviderPayment> Payments => _book.Snapshot();

    public ProviderStats Stats
    {
        get
        {
            var c = _webhooks.Counters;
            return new ProviderStats(
                Interlocked.Read(ref _requests), Interlocked.Read(ref _refusedWhileDown), Interlocked.Read(ref _created),
                Interlocked.Read(ref _resolved), c.Attempts, c.Delivered, c.FailedAttempts, c.Duplicates, c.Reordered,
                c.Abandoned, _webhooks.InFlight);
        }
    }

    /// <summary>True when every payment is resolved and no webhook is waiting or in flight.</summary>
    public bool Quiescent => _processing.Count == 0 && _webhooks.InFlight == 0;

    /// <summary>Binds Kestrel on 127.0.0.1 (the configured port, or a free one) and starts serving.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The simulator is already started.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _options.Port));
        var app = builder.Build();
        MapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
        return _baseAddress;
    }

    /// <summary>The settlement report, as <c>GET /v1/settlement-report.csv</c> serves it.</summary>
    public string SettlementReportCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SettlementReportFormat.Write(writer, _book.Snapshot().Select(p => new SettlementRow(
            p.ProviderReference, p.OperationId, p.PlayerId, p.Kind, p.AmountMinor, p.Currency, p.Status, p.UpdatedAt)));
        return writer.ToString();
    }

    private void BeginProcessing(ProviderPayment payment)
    {
        var random = SeededRandom.For(_options.Seed, payment.OperationId);
        var delay = random.Between(_options.ProcessingDelayMin, _options.ProcessingDelayMax);
        var success = random.NextDouble() < _options.SuccessRate;
        var reason = success ? null : _options.DeclineReasons[random.Next(_options.DeclineReasons.Count)];
        // Capacity equals PaymentsMax and each payment is processed once, so this cannot be full.
        var started = _processing.TryRun(async stopping =>
        {
            await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            Resolve(payment.OperationId, success ? PaymentStatus.Completed : PaymentStatus.Failed, reason, random);
        });
        System.Diagnostics.Debug.Assert(started, "processing capacity equals PaymentsMax");
    }

    private void Resolve(string operationId, PaymentStatus status, string? reason, Random random)
    {
        var payment = _book.Resolve(operationId, status, reason, _time.GetUtcNow());
        if (payment is null)
        {
            return;
        }

        Interlocked.Increment(ref _resolved);
        _log.ProviderResolved(payment.Kind, payment.OperationId, payment.ProviderReference, status, reason);
        var eventId = "evt_" + Interlocked.Increment(ref _events).ToString("D8", CultureInfo.InvariantCulture);
        _webhooks.Publish(
            new PaymentNotification(
                eventId, payment.ProviderReference, payment.OperationId, payment.PlayerId, payment.Kind, payment.Status,
                payment.AmountMinor, payment.Currency, payment.Channel, payment.Reason, payment.UpdatedAt),
            random);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_app is { } app)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        await _processing.DisposeAsync().ConfigureAwait(false);
        await _webhooks.DisposeAsync().ConfigureAwait(false);
    }
}
