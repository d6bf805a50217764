using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Reads a refresh token issued by the BearerToken handler: its Data Protection envelope and its
/// expiry (on the injected clock). Whether it is the newest of its session is the account actor's
/// call (rotation), see <see cref="Accounts.AccountService.RefreshAsync"/>.
/// </summary>
public sealed class RefreshTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    /// <summary>Longest refresh token accepted for decoding.</summary>
    public const int LengthMax = 4_096;

    /// <summary>The principal in <paramref name="refreshToken"/>, or null when it is unreadable, forged or expired.</summary>
    public ClaimsPrincipal? Read(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > LengthMax)
        {
            return null;
        }

        var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(refreshToken);
        return ticket?.Properties.ExpiresUtc is { } expires && time.GetUtcNow() < expires ? ticket.Principal : null;
    }
}
