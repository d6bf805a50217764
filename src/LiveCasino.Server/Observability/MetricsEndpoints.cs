using LiveCasino.Observability;
using LiveCasino.Server.Security;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Observability;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, from every <c>LiveCasino.*</c> meter (engine,
/// journal, tables, wallets, hubs) through <see cref="PrometheusCollector"/>.
/// </summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddLiveCasinoMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.Section), o => o.ErrorOnUnknownConfiguration = true)
            .Validate(o => o.Path.StartsWith('/'), $"{MetricsOptions.Section}:Path must start with '/'.")
            .Validate(o => o.MaxSeriesPerInstrument is >= 1 and <= 100_000, $"{MetricsOptions.Section}:MaxSeriesPerInstrument must be 1-100000.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MetricsOptions>>().Value;
            var prometheus = new PrometheusOptions { MaxSeriesPerInstrument = options.MaxSeriesPerInstrument };
            if (options.MeterPrefixes.Count > 0)
            {
                prometheus.MeterPrefixes.Clear(); // configured prefixes replace the default "LiveCasino"
            }

            foreach (var prefix in options.MeterPrefixes.Distinct(StringComparer.Ordinal))
            {
                prometheus.MeterPrefixes.Add(prefix);
            }

            return new PrometheusCollector(prometheus);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLiveCasinoMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        // Created now, not at the first scrape, so counters count from start-up.
        var collector = endpoints.ServiceProvider.GetRequiredService<PrometheusCollector>();
        var route = endpoints.MapGet(options.Path, () => Results.Text(collector.Scrape(), PrometheusCollector.ContentType))
            .ExcludeFromDescription()
            .DisableRateLimiting();
        if (options.RequireOperator)
        {
            route.RequireAuthorization(AuthPolicies.Operator);
        }

        return endpoints;
    }
}
