using System.Globalization;

namespace LiveCasino.Games.Tests.Properties;

/// <summary>Rules restated independently of the library, from anchors.md, for properties to check against.</summary>
internal static class Oracles
{
    public static readonly HashSet<int> Red = [1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36];

    private static readonly Dictionary<string, int> InsideCounts = new()
    {
        ["straight"] = 1, ["split"] = 2, ["street"] = 3, ["trio"] = 3, ["corner"] = 4, ["sixline"] = 6,
    };

    // Banker tableau: row = banker total 0-7; column 0 = player stood, then player third card 0-9.
    private static readonly string[] Tableau =
        ["DDDDDDDDDDD", "DDDDDDDDDDD", "DDDDDDDDDDD", "DDDDDDDDDSD", "DSSDDDDDDSS", "DSSSSDDDDSS", "SSSSSSSDDSS", "SSSSSSSSSSS"];

    /// <summary>Numbers a roulette spot id covers, or null if the id is not a layout spot.</summary>
    public static int[]? Covered(string? id)
    {
        var all = Enumerable.Range(1, 36);
        switch (id)
        {
            case "red": return [.. all.Where(Red.Contains)];
            case "black": return [.. all.Where(n => !Red.Contains(n))];
            case "odd": return [.. all.Where(n => n % 2 == 1)];
            case "even": return [.. all.Where(n => n % 2 == 0)];
            case "low": return [.. all.Where(n => n <= 18)];
            case "high": return [.. all.Where(n => n >= 19)];
            case "dozen:1" or "dozen:2" or "dozen:3": return [.. all.Where(n => (n - 1) / 12 == id[^1] - '1')];
            case "column:1" or "column:2" or "column:3": return [.. all.Where(n => (n - 1) % 3 == id[^1] - '1')];
        }

        var numbers = ParseInside(id, out var kind);
        return numbers is not null && IsLayoutGeometry(kind!, numbers) ? numbers : null;
    }

    /// <summary>"kind:a-b-..." with the kind's count of canonical, strictly ascending numbers 0-36; else null.</summary>
    public static int[]? ParseInside(string? id, out string? kind)
    {
        kind = null;
        var parts = id?.Split(':');
        if (parts is not { Length: 2 } || !InsideCounts.TryGetValue(parts[0], out var count))
        {
            return null;
        }

        kind = parts[0];
        var texts = parts[1].Split('-');
        if (texts.Length != count || texts.Any(t => t.Length is 0 or > 2 || !t.All(char.IsAsciiDigit) || (t.Length == 2 && t[0] == '0')))
        {
            return null;
        }

        var numbers = texts.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return numbers.All(n => n <= 36) && numbers.Zip(numbers.Skip(1)).All(p => p.First < p.Second) ? numbers : null;
    }

    public static bool IsLayoutGeometry(string kind, int[] n) => kind switch
    {
        "straight" => true,
        "split" => (n[0] == 0 && n[1] <= 3) || (n[0] > 0 && (n[1] == n[0] + 3 || (n[1] == n[0] + 1 && n[0] % 3 != 0))),
        "street" => n[0] % 3 == 1 && n[1] == n[0] + 1 && n[2] == n[0] + 2,
        "trio" => n.SequenceEqual([0, 1, 2]) || n.SequenceEqual([0, 2, 3]),
        "corner" => n.SequenceEqual([0, 1, 2, 3]) ||
            (n[0] > 0 && n[0] % 3 != 0 && n[1] == n[0] + 1 && n[2] == n[0] + 3 && n[3] == n[0] + 4),
        "sixline" => n[0] % 3 == 1 && n.Select((x, i) => x - i).Distinct().Count() == 1,
        _ => false,
    };

    public static int Value(Card c) => c.Rank >= Rank.Ten ? 0 : (int)c.Rank;

    public static int Total(IEnumerable<Card> cards) => cards.Sum(Value) % 10;

    /// <summary>Which hand the next card goes to ('P', 'B'), or null when the round is over.</summary>
    public static char? NextHand(IReadOnlyList<Card> player, IReadOnlyList<Card> banker)
    {
        switch (player.Count, banker.Count)
        {
            case (0, 0) or (1, 1): return 'P';
            case (1, 0) or (2, 1): return 'B';
            case (2, 2):
                var pt = Total(player);
                var bt = Total(banker);
                if (pt >= 8 || bt >= 8)
                {
                    return null;
                }

                return pt <= 5 ? 'P' : Tableau[bt][0] == 'D' ? 'B' : null;
            case (3, 2):
                return Tableau[Total(banker)][Value(player[2]) + 1] == 'D' ? 'B' : null;
            default:
                return null;
        }
    }
}
