namespace LiveCasino.Server.Security;

/// <summary>
/// The authorization policies of the node, by name, for endpoints and hubs alike
/// (<c>[Authorize(Policy = AuthPolicies.Player)]</c> on a hub, <c>.RequireAuthorization(AuthPolicies.Operator)</c>
/// on an endpoint). Every policy authenticates with <see cref="SessionAuthenticationHandler.SchemeName"/>,
/// so a token whose session ended is refused everywhere.
/// </summary>
public static class AuthPolicies
{
    /// <summary>Role player: wallet, betting.</summary>
    public const string Player = "player";

    /// <summary>Role dealer with a studio claim: a studio's console.</summary>
    public const string Dealer = "dealer";

    /// <summary>Role operator.</summary>
    public const string Operator = "operator";

    /// <summary>
    /// Resource policy: the caller is a console of the studio passed as the resource
    /// (<c>authorization.AuthorizeAsync(user, studioId, AuthPolicies.SameStudio)</c>).
    /// </summary>
    public const string SameStudio = "same-studio";
}
