using System.Globalization;
using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// Prints a <see cref="ReconciliationReport"/> as a fixed-width table for an operator's terminal:
/// discrepancies first (those needing attention marked with '!'), matched lines only on request,
/// then a one-line summary per kind of discrepancy.
/// </summary>
public static class ReconciliationTable
{
    private const int CellWidthMax = 40;

    private static readonly (Discrepancy Flag, string Name)[] Names =
    [
        (Discrepancy.MissingInLedger, "missing in ledger"),
        (Discrepancy.MissingAtProvider, "missing at provider"),
        (Discrepancy.AmountMismatch, "amount"),
        (Discrepancy.CurrencyMismatch, "currency"),
        (Discrepancy.StatusMismatch, "status"),
        (Discrepancy.PlayerMismatch, "player"),
        (Discrepancy.KindMismatch, "kind"),
        (Discrepancy.ReferenceMismatch, "reference"),
        (Discrepancy.DuplicateOperationId, "duplicate id"),
    ];

    public static void Write(TextWriter writer, ReconciliationReport report, bool includeMatched = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.Lines
            .Where(l => includeMatched || !l.Matched)
            .OrderBy(l => l.Matched)
            .ThenByDescending(l => l.NeedsAttention)
            .ThenBy(l => l.OperationId, StringComparer.Ordinal)
            .ToList();
        string[] header = ["", "RESULT", "OPERATION", "PLAYER", "KIND", "PROVIDER", "LEDGER"];
        var rows = shown.Select(Cells).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        writer.WriteLine();
        writer.WriteLine(Summary(report));
    }

    /// <summary>"N payments: M matched, ..." with every kind of discrepancy counted.</summary>
    public static string Summary(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = Names.Select(n => $"{report.Count(n.Flag)} {n.Name}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Lines.Count} payments: {report.Matched} matched, {string.Join(", ", parts)}; {report.NeedingAttention} need attention");
    }

    /// <summary>The names of the discrepancies of one line, or "matched".</summary>
    public static string Describe(Discrepancy discrepancies) =>
        discrepancies == Discrepancy.None
            ? "matched"
            : string.Join(",", Names.Where(n => (discrepancies & n.Flag) != 0).Select(n => n.Name));

    private static string[] Cells(ReconciliationLine line)
    {
        var player = line.Provider?.PlayerId ?? line.Ledger?.PlayerId ?? "";
        if (line.Provider is not null && line.Ledger is not null && line.Provider.PlayerId != line.Ledger.PlayerId)
        {
            player = $"{line.Provider.PlayerId}/{line.Ledger.PlayerId}";
        }

        var kind = line.Provider is { } pk ? WireNames.Of(pk.Kind) : WireNames.Of(line.Ledger!.Kind);
        var provider = line.Provider is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{p.ProviderReference} {p.AmountMinor} {p.Currency} {WireNames.Of(p.Status)}")
            : "-";
        var ledger = line.Ledger is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"{l.Amount.Minor} {l.Amount.Currency} {WireNames.Of(l.Status)}")
            : "-";
        return [line.NeedsAttention ? "!" : "", Describe(line.Discrepancies), Cut(line.OperationId), Cut(player), kind, Cut(provider), Cut(ledger)];
    }

    private static string Cut(string text) => text.Length <= CellWidthMax ? text : text[..(CellWidthMax - 1)] + "…";
}
