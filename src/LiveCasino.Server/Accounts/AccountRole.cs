namespace LiveCasino.Server.Accounts;

/// <summary>What an account may do. Stable names: they are persisted and appear in tokens.</summary>
public enum AccountRole
{
    /// <summary>A person who bets: wallet, tables as a viewer and bettor.</summary>
    Player,

    /// <summary>A studio's dealer console: runs the tables of its own studio only.</summary>
    Dealer,

    /// <summary>Runs the casino: consoles, reconciliation, tables.</summary>
    Operator,
}
