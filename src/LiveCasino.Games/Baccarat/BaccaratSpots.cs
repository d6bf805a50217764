namespace LiveCasino.Games.Baccarat;

/// <summary>The Punto Banco spot ids.</summary>
public static class BaccaratSpots
{
    public static SpotId Player { get; } = new("player");

    public static SpotId Banker { get; } = new("banker");

    public static SpotId Tie { get; } = new("tie");

    public static SpotId PlayerPair { get; } = new("player-pair");

    public static SpotId BankerPair { get; } = new("banker-pair");

    public static IReadOnlyList<SpotId> All { get; } = [Player, Banker, Tie, PlayerPair, BankerPair];
}
