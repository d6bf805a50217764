using System.Globalization;
using System.Text;
using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// The settlement report CSV: RFC 4180 (comma separated, fields with a comma, quote or line break
/// are quoted and quotes doubled), UTF-8, one header line, then one line per payment. The
/// provider writes it and <see cref="SettlementReportParser"/> reads it back strictly.
/// </summary>
public static class SettlementReportFormat
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["provider_reference", "operation_id", "player_id", "kind", "amount_minor", "currency", "status", "time"];

    /// <summary>The header line (without line break).</summary>
    public static string Header { get; } = string.Join(',', Columns);

    /// <summary>Time format: UTC, ISO 8601 with milliseconds.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Writes the header and every row, lines ended by "\n".</summary>
    public static void Write(TextWriter writer, IEnumerable<SettlementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(Line(row));
            writer.Write('\n');
        }
    }

    /// <summary>One row as a CSV line (without line break).</summary>
    public static string Line(SettlementRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] fields =
        [
            row.ProviderReference,
            row.OperationId,
            row.PlayerId,
            WireNames.Of(row.Kind),
            row.AmountMinor.ToString(CultureInfo.InvariantCulture),
            row.Currency,
            WireNames.Of(row.Status),
            row.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        ];
        return string.Join(',', fields.Select(Quote));
    }

    private static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        var sb = new StringBuilder(field.Length + 2).Append('"');
        sb.Append(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
