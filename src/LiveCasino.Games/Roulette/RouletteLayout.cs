using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace LiveCasino.Games.Roulette;

/// <summary>
/// The single-zero table layout: every spot and its geometry. Inside spot ids list the covered numbers in
/// ascending order ("straight:17", "split:4-7", "street:1-2-3", "trio:0-2-3", "corner:0-1-2-3",
/// "sixline:1-2-3-4-5-6"); outside spots are "dozen:1".."dozen:3", "column:1".."column:3",
/// "red", "black", "odd", "even", "low", "high".
/// </summary>
/// <remarks>Number n (1-36) sits in row (n-1)/3 and column (n-1)%3; column 1 holds 1, 4, ..., 34.</remarks>
public static class RouletteLayout
{
    public const int MaxNumber = 36;
    public const int Pockets = 37;

    private static readonly FrozenSet<int> RedNumbers =
        new[] { 1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36 }.ToFrozenSet();

    private static readonly (string Name, RouletteBetKind Kind, int Count)[] InsideKinds =
    [
        ("straight", RouletteBetKind.Straight, 1),
        ("split", RouletteBetKind.Split, 2),
        ("street", RouletteBetKind.Street, 3),
        ("trio", RouletteBetKind.Trio, 3),
        ("corner", RouletteBetKind.Corner, 4),
        ("sixline", RouletteBetKind.SixLine, 6),
    ];

    private static readonly ImmutableArray<RouletteSpot> AllSpots = BuildSpots();

    private static readonly FrozenDictionary<SpotId, RouletteSpot> ById = AllSpots.ToFrozenDictionary(s => s.Id);

    /// <summary>Every spot of the layout: 37 straights, 60 splits, 12 streets, 2 trios, 23 corners, 11 six lines, 12 outside.</summary>
    public static ImmutableArray<RouletteSpot> Spots => AllSpots;

    public static bool IsRed(int number) => RedNumbers.Contains(number);

    public static bool IsBlack(int number) => number is >= 1 and <= MaxNumber && !IsRed(number);

    public static bool TryResolve(SpotId id, out RouletteSpot spot)
    {
        if (id.Value is not null && ById.TryGetValue(id, out var found))
        {
            spot = found;
            return true;
        }

        spot = null!;
        return false;
    }

    public static RouletteSpot Resolve(SpotId id) =>
        TryResolve(id, out var spot) ? spot : throw new ArgumentException($"'{id}' is not a roulette spot.", nameof(id));

    /// <summary>Accepted for a layout spot; NotALayoutGeometry for a well-formed inside bet the layout doesn't have.</summary>
    public static BetVerdict CheckSpot(SpotId id)
    {
        if (TryResolve(id, out _))
        {
            return BetVerdict.Accepted;
        }

        return IsWellFormedInside(id.Value) ? BetVerdict.NotALayoutGeometry : BetVerdict.UnknownSpot;
    }

    public static SpotId StraightId(int number) => Id("straight", number);

    public static SpotId Id(string kind, params int[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new SpotId(kind + ":" + string.Join('-', numbers.Order().Select(n => n.ToString(CultureInfo.InvariantCulture))));
    }

    public static string KindName(RouletteBetKind kind) => kind switch
    {
        RouletteBetKind.Straight => "straight",
        RouletteBetKind.Split => "split",
        RouletteBetKind.Street => "street",
        RouletteBetKind.Trio => "trio",
        RouletteBetKind.Corner => "corner",
        RouletteBetKind.SixLine => "sixline",
        RouletteBetKind.Dozen => "dozen",
        RouletteBetKind.Column => "column",
        RouletteBetKind.Red => "red",
        RouletteBetKind.Black => "black",
        RouletteBetKind.Odd => "odd",
        RouletteBetKind.Even => "even",
        RouletteBetKind.Low => "low",
        RouletteBetKind.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // "kind:a-b-..." with the kind's count of distinct numbers 0-36 in ascending order.
    private static bool IsWellFormedInside(string? id)
    {
        if (id is null || id.IndexOf(':', StringComparison.Ordinal) is var colon && colon <= 0)
        {
            return false;
        }

        var kind = id[..colon];
        var parts = id[(colon + 1)..].Split('-');
        var count = InsideKinds.Where(k => k.Name == kind).Select(k => k.Count).FirstOrDefault();
        if (count == 0 || parts.Length != count)
        {
            return false;
        }

        var previous = -1;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 2 || !part.All(char.IsAsciiDigit))
            {
                return false;
            }

            var n = int.Parse(part, CultureInfo.InvariantCulture);
            if (n > MaxNumber || n <= previous || (part.Length == 2 && part[0] == '0'))
            {
                return false;
            }

            previous = n;
        }

        return true;
    }

    private static ImmutableArray<RouletteSpot> BuildSpots()
    {
        var spots = ImmutableArray.CreateBuilder<RouletteSpot>();

        void Inside(RouletteBetKind kind, string description, params int[] numbers) =>
            spots.Add(new RouletteSpot(Id(KindName(kind), numbers), kind, [.. numbers.Order()], description));

        for (var n = 0; n <= MaxNumber; n++)
        {
            Inside(RouletteBetKind.Straight, $"Straight up {n}", n);
        }

        // Zero touches 1, 2 and 3 across the top of the layout.
        for (var n = 1; n <= 3; n++)
        {
            Inside(RouletteBetKind.Split, $"Split 0/{n}", 0, n);
        }

        for (var n = 1; n <= MaxNumber; n++)
        {
            if ((n - 1) % 3 < 2)
            {
                Inside(RouletteBetKind.Split, $"Split {n}/{n + 1}", n, n + 1);
            }

            if (n + 3 <= MaxNumber)
            {
                Inside(RouletteBetKind.Split, $"Split {n}/{n + 3}", n, n + 3);
            }
        }

        for (var row = 0; row < 12; row++)
        {
            var first = (row * 3) + 1;
            Inside(RouletteBetKind.Street, $"Street {first}-{first + 2}", first, first + 1, first + 2);
        }

        Inside(RouletteBetKind.Trio, "Trio 0/1/2", 0, 1, 2);
        Inside(RouletteBetKind.Trio, "Trio 0/2/3", 0, 2, 3);
        Inside(RouletteBetKind.Corner, "First four 0/1/2/3", 0, 1, 2, 3);
        for (var n = 1; n <= 32; n++)
        {
            if ((n - 1) % 3 < 2)
            {
                Inside(RouletteBetKind.Corner, $"Corner {n}/{n + 1}/{n + 3}/{n + 4}", n, n + 1, n + 3, n + 4);
            }
        }

        for (var row = 0; row < 11; row++)
        {
            var first = (row * 3) + 1;
            Inside(RouletteBetKind.SixLine, $"Six line {first}-{first + 5}", [.. Enumerable.Range(first, 6)]);
        }

        void Outside(string id, RouletteBetKind kind, string description, IEnumerable<int> numbers) =>
            spots.Add(new RouletteSpot(new SpotId(id), kind, [.. numbers], description));

        var all = Enumerable.Range(1, MaxNumber).ToArray();
        for (var d = 1; d <= 3; d++)
        {
            var dozen = d;
            Outside($"dozen:{d}", RouletteBetKind.Dozen, $"Dozen {((d - 1) * 12) + 1}-{d * 12}", all.Where(n => (n - 1) / 12 == dozen - 1));
        }

        for (var c = 1; c <= 3; c++)
        {
            var column = c;
            Outside($"column:{c}", RouletteBetKind.Column, $"Column {c}", all.Where(n => ((n - 1) % 3) + 1 == column));
        }

        Outside("red", RouletteBetKind.Red, "Red", all.Where(IsRed));
        Outside("black", RouletteBetKind.Black, "Black", all.Where(IsBlack));
        Outside("odd", RouletteBetKind.Odd, "Odd", all.Where(n => n % 2 == 1));
        Outside("even", RouletteBetKind.Even, "Even", all.Where(n => n % 2 == 0));
        Outside("low", RouletteBetKind.Low, "Low 1-18", all.Where(n => n <= 18));
        Outside("high", RouletteBetKind.High, "High 19-36", all.Where(n => n >= 19));
        return spots.ToImmutable();
    }
}
