using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace LiveCasino.Server.Api;

/// <summary>
/// Strict JSON for the API: unknown members, duplicate members, missing required members and nulls
/// where the contract has none are all errors (answered 400 with the JSON path), never silently
/// defaulted; numbers must be JSON numbers of the right type.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.SerializerOptions;
        s.TypeInfoResolverChain.Insert(0, EdgeJsonContext.Default);
        s.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        s.AllowDuplicateProperties = false;
        s.RespectNullableAnnotations = true;
        s.RespectRequiredConstructorParameters = true;
        s.NumberHandling = JsonNumberHandling.Strict;
    }
}
