using LiveCasino.Payments.Webhooks;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>Maps the REST API under /api, the provider's webhook, and the OpenAPI document at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLiveCasinoApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapAccountEndpoints();
        api.MapWalletEndpoints();
        api.MapDealerEndpoints();
        api.MapOperatorEndpoints();
        api.MapTableEndpoints();
        api.MapBetHistoryEndpoints();
        api.MapOperatorTableEndpoints();
        api.MapOperatorClusterEndpoints();

        var payments = endpoints.ServiceProvider.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        var webhookBody = endpoints.ServiceProvider.GetRequiredService<PaymentWebhookHandler>().Options.BodyBytesMax;
        endpoints.MapPaymentWebhooks(payments.WebhookPath)
            .WithMetadata(new BodyLimit(webhookBody))
            .AllowAnonymous()
            .DisableRateLimiting() // the provider retries a refused webhook; its signature is the gate
            .ExcludeFromDescription();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
