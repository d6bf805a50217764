using LiveCasino.Hosting;
using LiveCasino.Hosting.Engine;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Api;
using LiveCasino.Server.Health;
using LiveCasino.Server.Options;
using LiveCasino.Server.Payments;
using LiveCasino.Server.Security;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hosting;

/// <summary>
/// Everything the node registers, in start order: the node (actor system and store), wallets,
/// accounts (and the bootstrap operator), payments; then the edge (security, API, health). Hosted
/// services start in that order and stop in reverse, so payments stop taking webhooks before the
/// wallets' actors stop, and the journal is flushed last.
/// </summary>
public static class ServerServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLiveCasinoServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddServerOptions(configuration);

        services.AddLiveCasinoEngine(configuration);
        services.AddLiveCasinoEngineHocon("wallets", WalletSerialization.EngineHocon);
        services.AddSingleton<WalletRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<WalletRuntime>());
        services.AddLiveCasinoSecurity();
        services.AddHostedService<AccountsHostedService>();
        services.AddLiveCasinoPayments();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(ApiJson.Configure);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bind errors reach ApiExceptionHandler with their reason
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddLiveCasinoHealth();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelSetup>();
        services.AddOptions<HostOptions>().Configure<IOptions<LiveCasino.Hosting.Options.NodeOptions>>((host, node) =>
            host.ShutdownTimeout = node.Value.ShutdownTimeout + TimeSpan.FromSeconds(5));
        return builder;
    }

    private static void AddServerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        var validator = new ServerOptionsValidator();
        Bind<HttpEdgeOptions>(services, configuration, HttpEdgeOptions.Section, validator);
        Bind<SecurityOptions>(services, configuration, SecurityOptions.Section, validator);
        Bind<RateLimitOptions>(services, configuration, RateLimitOptions.Section, validator);
        Bind<HubLimitsOptions>(services, configuration, HubLimitsOptions.Section, validator);
        Bind<WalletApiOptions>(services, configuration, WalletApiOptions.Section, validator);
        Bind<PaymentsOptions>(services, configuration, PaymentsOptions.Section, validator);
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton(validator);
    }

    private static void AddLiveCasinoPayments(this IServiceCollection services)
    {
        services.AddSingleton<RuntimeWalletClient>();
        services.AddSingleton<IWalletClient>(sp => sp.GetRequiredService<RuntimeWalletClient>());
        services.AddSingleton<PaymentsRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentsRuntime>());
        services.AddSingleton(sp => new WebhookVerifier(sp.GetRequiredService<PaymentsRuntime>().VerifierOptions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var payments = sp.GetRequiredService<PaymentsRuntime>();
            return new PaymentWebhookHandler(
                sp.GetRequiredService<IWalletClient>(), payments.WebhookOptions, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PaymentWebhookHandler>>(), payments.Service);
        });
    }
}
