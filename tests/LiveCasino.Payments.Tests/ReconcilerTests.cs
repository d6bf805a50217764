using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Tests;

/// <summary>Each kind of discrepancy injected into otherwise matching sides.</summary>
public sealed class ReconcilerTests
{
    private static readonly DateTimeOffset T = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static SettlementRow Row(string id, long minor = 1_000, string currency = "EUR", PaymentStatus status = PaymentStatus.Completed,
        PaymentKind kind = PaymentKind.Deposit, string player = "p1") =>
        new("psp_" + id, id, player, kind, minor, currency, status, T);

    private static LedgerPaymentRecord Ledger(string id, long minor = 1_000, string currency = "EUR", PaymentStatus status = PaymentStatus.Completed,
        PaymentKind kind = PaymentKind.Deposit, string player = "p1", string? reference = "default") =>
        new(id, player, kind, new Money(minor, currency), status, reference == "default" ? (status == PaymentStatus.Completed ? "psp_" + id : null) : reference);

    [Fact]
    public void Identical_sides_match_line_for_line()
    {
        var report = Reconciler.Reconcile(
            [Row("a"), Row("b", status: PaymentStatus.Failed), Row("c", status: PaymentStatus.Pending, kind: PaymentKind.Withdrawal)],
            [Ledger("c", status: PaymentStatus.Pending, kind: PaymentKind.Withdrawal), Ledger("a"), Ledger("b", status: PaymentStatus.Failed)]);

        Assert.True(report.Clean);
        Assert.Equal(3, report.Matched);
        Assert.Equal(["a", "b", "c"], report.Lines.Select(l => l.OperationId));
    }

    [Fact]
    public void Each_injected_discrepancy_is_reported_once_and_named()
    {
        var report = Reconciler.Reconcile(
            [
                Row("ok"),
                Row("only-provider"),
                Row("amount", minor: 1_001),
                Row("currency", currency: "USD"),
                Row("status", status: PaymentStatus.Completed),
                Row("player", player: "p2"),
                Row("kind", kind: PaymentKind.Withdrawal),
                Row("reference"),
            ],
            [
                Ledger("ok"),
                Ledger("only-ledger", status: PaymentStatus.Pending),
                Ledger("amount"),
                Ledger("currency"),
                Ledger("status", status: PaymentStatus.Pending),
                Ledger("player"),
                Ledger("kind"),
                Ledger("reference", reference: "psp_other"),
            ]);

        var byId = report.Lines.ToDictionary(l => l.OperationId, l => l.Discrepancies);
        Assert.Equal(Discrepancy.None, byId["ok"]);
        Assert.Equal(Discrepancy.MissingInLedger, byId["only-provider"]);
        Assert.Equal(Discrepancy.MissingAtProvider, byId["only-ledger"]);
        Assert.Equal(Discrepancy.AmountMismatch, byId["amount"]);
        Assert.Equal(Discrepancy.CurrencyMismatch, byId["currency"]);
        Assert.Equal(Discrepancy.StatusMismatch, byId["status"]);
        Assert.Equal(Discrepancy.PlayerMismatch, byId["player"]);
        Assert.Equal(Discrepancy.KindMismatch, byId["kind"]);
        Assert.Equal(Discrepancy.ReferenceMismatch, byId["reference"]);
        Assert.Equal((9, 1, 8), (report.Lines.Count, report.Matched, report.NeedingAttention));
        foreach (var kind in Enum.GetValues<Discrepancy>().Where(d => d is not (Discrepancy.None or Discrepancy.DuplicateOperationId)))
        {
            Assert.Equal(1, report.Count(kind));
        }
    }

    [Fact]
    public void Several_differences_on_one_payment_are_all_flagged()
    {
        var line = Assert.Single(Reconciler.Reconcile([Row("x", minor: 5, currency: "USD", status: PaymentStatus.Failed)], [Ledger("x")]).Lines);

        Assert.Equal(Discrepancy.AmountMismatch | Discrepancy.CurrencyMismatch | Discrepancy.StatusMismatch, line.Discrepancies);
    }

    [Fact]
    public void A_payment_that_failed_with_us_and_never_reached_the_provider_is_listed_but_needs_no_attention()
    {
        var report = Reconciler.Reconcile([], [Ledger("refused", status: PaymentStatus.Failed), Ledger("held", status: PaymentStatus.Pending, kind: PaymentKind.Withdrawal)]);

        Assert.Equal(2, report.Count(Discrepancy.MissingAtProvider));
        Assert.Equal(["held"], report.Lines.Where(l => l.NeedsAttention).Select(l => l.OperationId));
    }

    [Fact]
    public void An_operation_id_used_by_two_players_is_compared_once_and_the_extra_entry_flagged()
    {
        var report = Reconciler.Reconcile([Row("a")], [Ledger("a"), Ledger("a", player: "p2", minor: 7)]);

        Assert.Equal(
            [(Discrepancy.None, "p1"), (Discrepancy.DuplicateOperationId, "p2")],
            report.Lines.Select(l => (l.Discrepancies, l.Ledger!.PlayerId)));
        Assert.Equal(1, report.NeedingAttention);
    }

    [Fact]
    public void The_table_lists_discrepancies_first_and_ends_with_the_summary()
    {
        var report = Reconciler.Reconcile([Row("ok"), Row("amount", minor: 1_001), Row("only-provider")], [Ledger("ok"), Ledger("amount")]);
        using var writer = new StringWriter();

        ReconciliationTable.Write(writer, report, includeMatched: true);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("   RESULT", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^!  amount\s+amount\s+p1\s+deposit\s+psp_amount 1001 EUR completed\s+1000 EUR completed$", lines[1]);
        Assert.Matches(@"^!  missing in ledger\s+only-provider\s+p1\s+deposit\s+psp_only-provider 1000 EUR completed\s+-$", lines[2]);
        Assert.Matches(@"^   matched\s+ok\s+", lines[3]);
        Assert.Equal(
            "3 payments: 1 matched, 1 missing in ledger, 0 missing at provider, 1 amount, 0 currency, 0 status, 0 player, 0 kind, 0 reference, 0 duplicate id; 2 need attention",
            lines[^1]);
    }
}
