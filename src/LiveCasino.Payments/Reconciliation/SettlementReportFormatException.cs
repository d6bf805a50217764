namespace LiveCasino.Payments.Reconciliation;

/// <summary>One problem in a settlement report, at a 1-based physical line number.</summary>
public sealed record SettlementReportError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>
/// The settlement report is not what <see cref="SettlementReportFormat"/> specifies. Lists every
/// problem found (up to <see cref="SettlementReportParser.ErrorsMax"/>) with its line number, so an
/// operator can fix the file in one pass. Nothing is reconciled from a report that fails to parse.
/// </summary>
public sealed class SettlementReportFormatException : Exception
{
    public SettlementReportFormatException(IReadOnlyList<SettlementReportError> errors)
        : base(Describe(errors)) => Errors = errors;

    public SettlementReportFormatException()
        : this([])
    {
    }

    public SettlementReportFormatException(string message)
        : this([new SettlementReportError(0, message)])
    {
    }

    public SettlementReportFormatException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new SettlementReportError(0, message)];

    public IReadOnlyList<SettlementReportError> Errors { get; }

    private static string Describe(IReadOnlyList<SettlementReportError> errors) =>
        "The settlement report is malformed:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
