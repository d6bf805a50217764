using System.Globalization;
using System.Security.Claims;
using LiveCasino.Server.Accounts;

namespace LiveCasino.Server.Security;

/// <summary>
/// The claims of a LiveCasino principal (access and refresh tokens carry the same ones) and typed
/// accessors for them. Hubs and endpoints read the caller through these, never by claim strings.
/// </summary>
public static class LiveCasinoClaims
{
    /// <summary>Account id: a player's wallet id, an operator's id, a console's id.</summary>
    public const string AccountId = "lc:account";

    /// <summary>Entity key of the account actor that holds the session.</summary>
    public const string AccountKey = "lc:key";

    public const string SessionId = "lc:sid";

    /// <summary>Refresh generation the token was issued at (rotation: only the newest may refresh).</summary>
    public const string Generation = "lc:gen";

    /// <summary>The studio a dealer console belongs to.</summary>
    public const string Studio = "lc:studio";

    public const string Name = ClaimTypes.Name;

    public const string Role = ClaimTypes.Role;

    /// <summary>The principal of one session of one account.</summary>
    public static ClaimsPrincipal Create(AccountView account, string accountKey, string sessionId, int generation, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(AccountId, account.AccountId),
            new(AccountKey, accountKey),
            new(SessionId, sessionId),
            new(Generation, generation.ToString(CultureInfo.InvariantCulture)),
            new(Name, account.LoginName),
            new(Role, Roles.Name(account.Role)),
        };
        if (account.StudioId is { } studio)
        {
            claims.Add(new Claim(Studio, studio));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Name, Role));
    }

    public static string? AccountIdOf(this ClaimsPrincipal user) => user?.FindFirst(AccountId)?.Value;

    public static string? AccountKeyOf(this ClaimsPrincipal user) => user?.FindFirst(AccountKey)?.Value;

    public static string? SessionIdOf(this ClaimsPrincipal user) => user?.FindFirst(SessionId)?.Value;

    public static string? StudioOf(this ClaimsPrincipal user) => user?.FindFirst(Studio)?.Value;

    public static int? GenerationOf(this ClaimsPrincipal user) =>
        int.TryParse(user?.FindFirst(Generation)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;

    /// <summary>The caller's session, or null when the principal lacks any part of it.</summary>
    public static SessionRef? SessionOf(this ClaimsPrincipal user) =>
        user.AccountKeyOf() is { } key && user.SessionIdOf() is { } sid && user.AccountIdOf() is { } id ? new SessionRef(id, key, sid) : null;
}
