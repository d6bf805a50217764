using System.Collections.Immutable;

namespace LiveCasino.Games.Roulette;

/// <summary>The pocket order of a wheel, clockwise from zero. Data, so another wheel can be described without code.</summary>
public sealed record RouletteWheel
{
    private RouletteWheel(ImmutableArray<int> order)
    {
        Order = order;
        var position = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        PositionOf = [.. position];
    }

    /// <summary>Pockets clockwise from zero.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>Index in <see cref="Order"/> of each number.</summary>
    public ImmutableArray<int> PositionOf { get; }

    public static RouletteWheel European { get; } = Create(
    [
        0, 32, 15, 19, 4, 21, 2, 25, 17, 34, 6, 27, 13, 36, 11, 30, 8, 23, 10, 5, 24, 16, 33, 1, 20, 14, 31, 9, 22, 18,
        29, 7, 28, 12, 35, 3, 26,
    ]);

    /// <summary>Validates that <paramref name="order"/> is a permutation of 0-36 starting at zero.</summary>
    public static RouletteWheel Create(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count != RouletteLayout.Pockets || order[0] != 0 ||
            !order.Order().SequenceEqual(Enumerable.Range(0, RouletteLayout.Pockets)))
        {
            throw new ArgumentException("A wheel order lists each of 0-36 exactly once, starting at 0.", nameof(order));
        }

        return new RouletteWheel([.. order]);
    }

    /// <summary>The number and <paramref name="eachSide"/> pockets either side of it, anticlockwise to clockwise.</summary>
    public IReadOnlyList<int> Neighbours(int number, int eachSide)
    {
        if (number is < 0 or > RouletteLayout.MaxNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Roulette numbers are 0-36.");
        }

        // 18 either side already covers the whole wheel once.
        if (eachSide is < 0 or > 18)
        {
            throw new ArgumentOutOfRangeException(nameof(eachSide), eachSide, "Neighbours are 0-18 either side.");
        }

        var centre = PositionOf[number];
        return [.. Enumerable.Range(-eachSide, (2 * eachSide) + 1)
            .Select(offset => Order[(((centre + offset) % Order.Length) + Order.Length) % Order.Length])];
    }
}
