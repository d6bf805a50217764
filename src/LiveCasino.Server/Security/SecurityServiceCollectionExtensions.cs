using LiveCasino.Hosting;
using LiveCasino.Hosting.Engine;
using LiveCasino.Hosting.Options;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Accounts and security of the node: Data Protection keys under the data directory on the embedded
/// store, or in the shared PostgreSQL schema for a cluster (so tokens survive restarts and every
/// member accepts every member's tokens), BearerToken tokens behind the session-checking scheme, the role policies,
/// rate limits, CORS and the WebSocket origin allowlist, hub message size, and the account services.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>The CORS policy applied to the whole node.</summary>
    public const string CorsPolicy = "allowed-origins";

    public static IServiceCollection AddLiveCasinoSecurity(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("LiveCasino");
        services.AddSingleton(provider =>
        {
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            return store.Provider == StoreProvider.Postgres
                ? new PostgresKeyRing(store.PostgresConnectionString, store.PostgresSchema)
                : throw new InvalidOperationException("The shared key ring is for nodes on PostgreSQL; a node on SQLite keeps its keys in its data directory.");
        });
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            keys.XmlRepository = store.Provider == StoreProvider.Postgres
                ? provider.GetRequiredService<PostgresKeyRing>()
                : new FileSystemXmlRepository(new DirectoryInfo(KeyDirectory(provider.GetRequiredService<IOptions<NodeOptions>>().Value)), provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddHostedService<KeyRingStartup>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SessionAuthenticationHandler.SchemeName;
                o.DefaultChallengeScheme = SessionAuthenticationHandler.SchemeName;
                o.DefaultForbidScheme = SessionAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddBearerToken();
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme).Configure<IOptions<SecurityOptions>, IOptions<HttpEdgeOptions>>((bearer, security, http) =>
        {
            bearer.BearerTokenExpiration = security.Value.AccessTokenLifetime;
            bearer.RefreshTokenExpiration = security.Value.RefreshTokenLifetime;
            var hubs = http.Value.HubPathPrefix;
            bearer.Events.OnMessageReceived = context =>
            {
                // Browsers cannot set headers on WebSockets: SignalR sends the token as ?access_token= on hub paths only.
                if (context.Request.Path.StartsWithSegments(hubs) && context.Request.Query["access_token"] is { Count: 1 } token)
                {
                    context.Token = token.ToString();
                }

                return Task.CompletedTask;
            };
        });

        var scheme = SessionAuthenticationHandler.SchemeName;
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(AuthPolicies.Player, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser().RequireRole(Roles.Player))
            .AddPolicy(AuthPolicies.Dealer, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser().RequireRole(Roles.Dealer).RequireClaim(LiveCasinoClaims.Studio))
            .AddPolicy(AuthPolicies.Operator, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .AddPolicy(AuthPolicies.SameStudio, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser().AddRequirements(new SameStudioRequirement()));
        services.AddSingleton<IAuthorizationHandler, SameStudioHandler>();

        services.AddLiveCasinoRateLimits();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HttpEdgeOptions>>((cors, http) =>
            cors.AddPolicy(CorsPolicy, p => p.WithOrigins([.. http.Value.EffectiveOrigins()]).AllowAnyHeader().AllowAnyMethod().AllowCredentials().WithExposedHeaders("Retry-After")));
        services.AddOptions<WebSocketOptions>().Configure<IOptions<HttpEdgeOptions>>((ws, http) =>
        {
            foreach (var origin in http.Value.EffectiveOrigins())
            {
                ws.AllowedOrigins.Add(origin);
            }
        });
        services.AddOptions<HubOptions>().Configure<IOptions<HubLimitsOptions>>((hub, limits) => hub.MaximumReceiveMessageSize = limits.Value.MessageBytesMax);

        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ConsoleCredentials>();
        services.AddLiveCasinoEngineHocon("accounts", AccountSerialization.EngineHocon);
        return services;
    }

    /// <summary>Where Data Protection keeps its key ring: "keys" under the node's data directory.</summary>
    public static string KeyDirectory(NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Path.Combine(Path.GetFullPath(node.DataDirectory), "keys");
    }
}
