using LiveCasino.Observability.Otlp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Observability;

/// <summary>
/// <c>LiveCasino:Otlp</c>: OTLP/HTTP JSON export of the node's metrics and traces (off by default).
/// When enabled, a hosted service runs an <see cref="OtlpExporter"/> from start to stop (the last
/// export happens at stop). A bad section (no endpoint, bad interval) stops start-up with its key.
/// </summary>
public static class OtlpHosting
{
    public static IServiceCollection AddLiveCasinoOtlp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OtlpOptions>()
            .Bind(configuration.GetSection(OtlpOptions.Section), o => o.ErrorOnUnknownConfiguration = true)
            .Validate(o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        services.AddHostedService<OtlpService>();
        return services;
    }

    private sealed class OtlpService(IOptions<OtlpOptions> options, TimeProvider time) : IHostedService, IAsyncDisposable
    {
        private OtlpExporter? _exporter;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Enabled)
            {
                _exporter = new OtlpExporter(options.Value, time: time);
                _exporter.Start();
            }

            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _exporter, null) is { } exporter)
            {
                await exporter.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
