using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LiveCasino.Server.Api;

/// <summary>Names the document and declares the bearer scheme the API's tokens use.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "LiveCasino node API";
        document.Info.Description = "Accounts, wallet, payments and operator endpoints. Errors are RFC 9457 problem details. "
            + "Authenticate with 'Authorization: Bearer <accessToken>' from /api/accounts/login.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Access token from /api/accounts/login, /api/accounts/refresh or /api/consoles/login; valid while its session is active.",
        };
        return Task.CompletedTask;
    }
}
