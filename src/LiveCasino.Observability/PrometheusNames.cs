using System.Text;

namespace LiveCasino.Observability;

/// <summary>OpenTelemetry-style instrument names and units turned into Prometheus names.</summary>
internal static class PrometheusNames
{
    /// <summary>"livecasino.bet.latency" in "ms" becomes "livecasino_bet_latency_milliseconds".</summary>
    public static string Of(string instrument, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrument);
        var suffix = unit switch
        {
            "ms" => "_milliseconds",
            "s" => "_seconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        // "write_ms" in ms reads "write_milliseconds", not "write_ms_milliseconds".
        var shortSuffix = unit is "ms" or "s" ? "_" + unit : null;
        if (shortSuffix is not null && name.EndsWith(shortSuffix, StringComparison.Ordinal))
        {
            name = name[..^shortSuffix.Length];
        }

        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    public static string Sanitize(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? char.ToLowerInvariant(c) : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    /// <summary>A label value escaped for the text format: backslash, double quote and newline.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escaped: backslash and newline.</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
