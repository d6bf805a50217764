namespace LiveCasino.Tables.Configuration;

/// <summary>The game a table runs. Stable names: they are stored in events and shown to clients.</summary>
public enum GameKind
{
    Roulette,
    Baccarat,
    DragonTiger,
}
