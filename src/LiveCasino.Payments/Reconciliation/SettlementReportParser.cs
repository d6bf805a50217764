using System.Globalization;
using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// Reads the provider's settlement report (<see cref="SettlementReportFormat"/>) strictly: the exact
/// header, eight fields per line, every value well formed, each operation id once. Collects every
/// problem with its line number (up to <see cref="ErrorsMax"/>) and throws
/// <see cref="SettlementReportFormatException"/>; a report that fails is never half-reconciled.
/// </summary>
public static class SettlementReportParser
{
    /// <summary>Most errors collected before giving up on the file.</summary>
    public const int ErrorsMax = 50;

    /// <summary>Most rows accepted in one report.</summary>
    public const int RowsMax = 1_000_000;

    private static readonly string[] TimeFormats = [SettlementReportFormat.TimeFormat, "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static IReadOnlyList<SettlementRow> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return Parse(reader);
    }

    public static IReadOnlyList<SettlementRow> Parse(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new CsvRecordReader(text);
        var errors = new List<SettlementReportError>();
        var header = reader.Next(out _);
        if (header is null)
        {
            throw new SettlementReportFormatException([new SettlementReportError(1, "empty file: expected the header " + SettlementReportFormat.Header)]);
        }

        if (header.Count > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF'); // a UTF-8 byte order mark some spreadsheets add
        }

        if (!header.SequenceEqual(SettlementReportFormat.Columns, StringComparer.Ordinal))
        {
            throw new SettlementReportFormatException(
                [new SettlementReportError(1, $"expected the header '{SettlementReportFormat.Header}', found '{string.Join(',', header)}'")]);
        }

        var rows = new List<SettlementRow>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        while (errors.Count < ErrorsMax && reader.Next(out var line) is { } fields)
        {
            if (rows.Count >= RowsMax)
            {
                errors.Add(new SettlementReportError(line, $"more than {RowsMax} rows"));
                break;
            }

            var row = ParseRow(fields, line, errors);
            if (row is null)
            {
                continue;
            }

            if (firstLineOf.TryGetValue(row.OperationId, out var first))
            {
                errors.Add(new SettlementReportError(line, $"operation_id '{row.OperationId}' already appears on line {first}"));
                continue;
            }

            firstLineOf.Add(row.OperationId, line);
            rows.Add(row);
        }

        if (errors.Count > 0)
        {
            throw new SettlementReportFormatException(errors);
        }

        return rows;
    }

    private static SettlementRow? ParseRow(List<string> f, int line, List<SettlementReportError> errors)
    {
        if (f.Count == 1 && f[0].Length == 0)
        {
            errors.Add(new SettlementReportError(line, "empty line"));
            return null;
        }

        if (f.Count != SettlementReportFormat.Columns.Count)
        {
            errors.Add(new SettlementReportError(line, $"expected {SettlementReportFormat.Columns.Count} fields, found {f.Count}"));
            return null;
        }

        var before = errors.Count;
        void Bad(int column, string why) =>
            errors.Add(new SettlementReportError(line, $"{SettlementReportFormat.Columns[column]} '{f[column]}': {why}"));

        if (f[0].Length == 0 || f[0].Length > PaymentRequest.IdLengthMax)
        {
            Bad(0, "must be 1 to 128 characters");
        }

        for (var column = 1; column <= 2; column++)
        {
            if (string.IsNullOrWhiteSpace(f[column]) || f[column].Length > PaymentRequest.IdLengthMax || f[column].Any(char.IsControl))
            {
                Bad(column, "must be 1 to 128 printable characters");
            }
        }

        if (!WireNames.TryParse(f[3], out PaymentKind kind))
        {
            Bad(3, "must be deposit or withdrawal");
        }

        if (f[4].Length is 0 or > 18 || !f[4].All(char.IsAsciiDigit) || !long.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            amount = 0;
            Bad(4, "must be a positive whole number of minor units");
        }

        if (f[5].Length != 3 || !f[5].All(char.IsAsciiLetterUpper))
        {
            Bad(5, "must be three upper-case letters (ISO 4217)");
        }

        if (!WireNames.TryParse(f[6], out PaymentStatus status))
        {
            Bad(6, "must be pending, completed or failed");
        }

        if (!DateTimeOffset.TryParseExact(f[7], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            Bad(7, "must be UTC ISO 8601 like 2026-01-31T23:59:59.000Z");
        }

        return errors.Count > before ? null : new SettlementRow(f[0], f[1], f[2], kind, amount, f[5], status, time);
    }
}
