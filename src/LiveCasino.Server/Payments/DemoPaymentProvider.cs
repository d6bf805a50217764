using System.Net;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Payments;

/// <summary>
/// Demo mode's payment provider, in-process and on loopback only: the
/// <see cref="PaymentProviderSimulator"/> on a free 127.0.0.1 port, and a loopback receiver that
/// hands its signed webhooks to the node's own <see cref="PaymentWebhookHandler"/> (the same one
/// the public webhook path uses). A separate loopback receiver keeps demo payments working whatever
/// the public listener is (HTTPS only, another interface, or an in-memory test server).
/// </summary>
public sealed class DemoPaymentProvider : IAsyncDisposable
{
    private const string ReceiverPath = "/webhooks/payments";
    private WebApplication? _receiver;

    private DemoPaymentProvider(PaymentProviderSimulator simulator) => Simulator = simulator;

    public PaymentProviderSimulator Simulator { get; }

    public Uri BaseAddress => Simulator.BaseAddress;

    public static async Task<DemoPaymentProvider> StartAsync(
        DemoProviderOptions options, string secret, PaymentWebhookHandler handler, WebhookVerifier verifier, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(handler).AddSingleton(verifier);
        var receiver = builder.Build();
        receiver.MapPaymentWebhooks(ReceiverPath);
        await receiver.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var simulator = new PaymentProviderSimulator(
            new PaymentProviderOptions
            {
                Seed = options.Seed,
                WebhookUrl = new Uri(address + ReceiverPath),
                WebhookSecret = secret,
                SuccessRate = options.SuccessRate,
                ProcessingDelayMin = options.ProcessingDelayMin,
                ProcessingDelayMax = options.ProcessingDelayMax,
                DuplicateProbability = options.DuplicateProbability,
                ReorderProbability = options.ReorderProbability,
                ReorderDelay = options.ReorderDelay,
            },
            time,
            loggers);
        var provider = new DemoPaymentProvider(simulator) { _receiver = receiver };
        try
        {
            await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync().ConfigureAwait(false);
        if (_receiver is { } receiver)
        {
            await receiver.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await receiver.DisposeAsync().ConfigureAwait(false);
        }
    }
}
