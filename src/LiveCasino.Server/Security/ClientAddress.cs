using System.Net;
using Microsoft.AspNetCore.Http;

namespace LiveCasino.Server.Security;

/// <summary>
/// The client's address as throttling and rate limits key on it: the connection's remote address
/// (already rewritten by the forwarded-headers middleware when the request came through a trusted
/// proxy), IPv4-mapped IPv6 shown as IPv4.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ip = context.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return Unknown;
        }

        return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }

    public static IPAddress? Parse(string text) => IPAddress.TryParse(text, out var ip) ? ip : null;
}
