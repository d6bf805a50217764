namespace LiveCasino.Games.Roulette;

/// <summary>
/// Racetrack ("French") call bets expanded into base bets. The caller turns each part into a <see cref="Bet"/>
/// of <c>Chips x chip value</c> and validates those like any other bet.
/// </summary>
public static class CallBets
{
    public const int MaxNeighboursEachSide = 18;

    /// <summary>Voisins du zero, 9 chips: 2 on trio 0/2/3, 1 on each of five splits, 2 on corner 25/26/28/29.</summary>
    public static IReadOnlyList<CallBetPart> VoisinsDuZero { get; } =
    [
        new(RouletteLayout.Id("trio", 0, 2, 3), 2),
        Split(4, 7),
        Split(12, 15),
        Split(18, 21),
        Split(19, 22),
        Split(32, 35),
        new(RouletteLayout.Id("corner", 25, 26, 28, 29), 2),
    ];

    /// <summary>Tiers du cylindre, 6 chips: one on each of six splits.</summary>
    public static IReadOnlyList<CallBetPart> TiersDuCylindre { get; } =
        [Split(5, 8), Split(10, 11), Split(13, 16), Split(23, 24), Split(27, 30), Split(33, 36)];

    /// <summary>Orphelins, 5 chips: straight 1 and four splits.</summary>
    public static IReadOnlyList<CallBetPart> Orphelins { get; } =
        [new(RouletteLayout.StraightId(1), 1), Split(6, 9), Split(14, 17), Split(17, 20), Split(31, 34)];

    /// <summary>A number and <paramref name="eachSide"/> wheel neighbours either side, one straight each.</summary>
    public static IReadOnlyList<CallBetPart> Neighbours(int number, int eachSide, RouletteWheel wheel)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        return [.. wheel.Neighbours(number, eachSide).Select(n => new CallBetPart(RouletteLayout.StraightId(n), 1))];
    }

    private static CallBetPart Split(int a, int b) => new(RouletteLayout.Id("split", a, b), 1);
}
