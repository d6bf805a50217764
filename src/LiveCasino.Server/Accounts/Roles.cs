namespace LiveCasino.Server.Accounts;

/// <summary>Role names as they appear in tokens and authorization policies.</summary>
public static class Roles
{
    public const string Player = "player";
    public const string Dealer = "dealer";
    public const string Operator = "operator";

    public static string Name(AccountRole role) => role switch
    {
        AccountRole.Player => Player,
        AccountRole.Dealer => Dealer,
        AccountRole.Operator => Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
