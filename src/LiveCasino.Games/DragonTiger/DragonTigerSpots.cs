namespace LiveCasino.Games.DragonTiger;

public static class DragonTigerSpots
{
    public static SpotId Dragon { get; } = new("dragon");

    public static SpotId Tiger { get; } = new("tiger");

    public static SpotId Tie { get; } = new("tie");

    /// <summary>Same rank and same suit.</summary>
    public static SpotId SuitedTie { get; } = new("suited-tie");

    public static IReadOnlyList<SpotId> All { get; } = [Dragon, Tiger, Tie, SuitedTie];
}
