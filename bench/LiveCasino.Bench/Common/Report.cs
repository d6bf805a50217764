using System.Globalization;
using System.Runtime.InteropServices;

namespace LiveCasino.Bench.Common;

/// <summary>Prints a readable table and the machine-readable RESULT lines.</summary>
public static class Report
{
    public static void Header(string scenario, bool quick)
    {
        Console.WriteLine($"# {scenario}{(quick ? " (quick)" : string.Empty)} — {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
    }

    public static void Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var all = rows.ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", columns.Select((c, i) => c.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var r in all)
        {
            Console.WriteLine("| " + string.Join(" | ", r.Select((c, i) => c.PadLeft(widths[i]))) + " |");
        }
    }

    /// <summary>One line: RESULT scenario key=value ..., values in plain invariant form.</summary>
    public static void Result(string scenario, params (string Key, object Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Console.WriteLine("RESULT " + scenario + " " + string.Join(" ", pairs.Select(p => p.Key + "=" + Plain(p.Value))));
    }

    public static string Plain(object value) => value switch
    {
        double d => d.ToString(d >= 100 ? "F0" : "0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals = 2) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
