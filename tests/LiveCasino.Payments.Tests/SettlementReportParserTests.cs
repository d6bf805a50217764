using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Reconciliation;

namespace LiveCasino.Payments.Tests;

public sealed class SettlementReportParserTests
{
    private const string Header = "provider_reference,operation_id,player_id,kind,amount_minor,currency,status,time";
    private static readonly DateTimeOffset T = new(2026, 1, 31, 23, 59, 58, 125, TimeSpan.Zero);

    private static SettlementReportFormatException Fails(string csv) =>
        Assert.Throws<SettlementReportFormatException>(() => SettlementReportParser.Parse(csv));

    [Fact]
    public void What_the_format_writes_parses_back_identically()
    {
        SettlementRow[] rows =
        [
            new("psp_dep_1", "d1", "alice", PaymentKind.Deposit, 1_000, "EUR", PaymentStatus.Completed, T),
            new("psp_wd_2", "w,2", "bob \"b\"", PaymentKind.Withdrawal, 5, "GBP", PaymentStatus.Failed, T),
            new("psp,dep_3", "d3", "carol", PaymentKind.Deposit, 999_999_999_999, "USD", PaymentStatus.Pending, T),
        ];
        using var writer = new StringWriter();
        SettlementReportFormat.Write(writer, rows);

        Assert.Equal(rows, SettlementReportParser.Parse(writer.ToString()));
    }

    [Fact]
    public void Crlf_line_ends_a_byte_order_mark_and_no_final_newline_are_accepted()
    {
        var csv = "\uFEFF" + Header + "\r\npsp_1,d1,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z\r\npsp_2,d2,p1,withdrawal,5,EUR,pending,2026-01-31T23:59:58Z";

        var rows = SettlementReportParser.Parse(csv);

        Assert.Equal(["d1", "d2"], rows.Select(r => r.OperationId));
        Assert.Equal(T, rows[0].Time);
    }

    [Fact]
    public void A_wrong_header_is_refused_on_line_1()
    {
        var e = Fails("reference,operation_id\npsp_1,d1\n");

        Assert.Equal(1, Assert.Single(e.Errors).Line);
        Assert.Contains("expected the header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(1, Assert.Single(Fails("").Errors).Line);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_number_and_column()
    {
        var csv = string.Join('\n',
            Header,
            "psp_1,d1,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z",
            "psp_2,d2,p1,deposit,100,EUR,completed",
            "psp_3,d3,p1,refund,100,EUR,completed,2026-01-31T23:59:58.125Z",
            "psp_4,d4,p1,deposit,-100,EUR,completed,2026-01-31T23:59:58.125Z",
            "psp_5,d5,p1,deposit,1.50,eur,done,yesterday",
            "psp_6,d1,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z",
            "",
            "psp_8,d8,p1,withdrawal,100,EUR,failed,2026-01-31T23:59:58.125Z") + "\n";

        var e = Fails(csv);

        Assert.Equal(
            [
                (3, "expected 8 fields, found 7"),
                (4, "kind 'refund': must be deposit or withdrawal"),
                (5, "amount_minor '-100': must be a positive whole number of minor units"),
                (6, "amount_minor '1.50': must be a positive whole number of minor units"),
                (6, "currency 'eur': must be three upper-case letters (ISO 4217)"),
                (6, "status 'done': must be pending, completed or failed"),
                (6, "time 'yesterday': must be UTC ISO 8601 like 2026-01-31T23:59:59.000Z"),
                (7, "operation_id 'd1' already appears on line 2"),
                (8, "empty line"),
            ],
            e.Errors.Select(x => (x.Line, x.Message)));
        Assert.Contains("line 5: amount_minor '-100'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_amounts_and_blank_ids_are_refused()
    {
        var e = Fails(Header + "\npsp_1, ,p1,deposit,0,EUR,completed,2026-01-31T23:59:58.125Z\n");

        Assert.Equal(["operation_id ' ': must be 1 to 128 printable characters", "amount_minor '0': must be a positive whole number of minor units"],
            e.Errors.Select(x => x.Message));
    }

    [Theory]
    [InlineData("psp_1,\"d1,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z\n", 2, "unterminated quoted field")]
    [InlineData("psp_1,d\"1,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z\n", 2, "quote inside an unquoted field (field 2)")]
    [InlineData("psp_1,\"d1\"x,p1,deposit,100,EUR,completed,2026-01-31T23:59:58.125Z\n", 2, "unexpected 'x' after a closing quote (field 2)")]
    public void Broken_quoting_is_refused_at_its_line(string line, int lineNumber, string message)
    {
        var e = Fails(Header + "\n" + line);

        Assert.Equal((lineNumber, message), (e.Errors[0].Line, e.Errors[0].Message));
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        var e = Fails(Header + "\npsp_1,d1,\"two\nlines\",deposit,100,EUR,completed,2026-01-31T23:59:58.125Z\npsp_2,d2,p1,deposit,x,EUR,completed,2026-01-31T23:59:58.125Z\n");

        // Ids are printable, so the quoted line break is itself an error (line 2); the next record starts on line 4.
        Assert.Equal([2, 4], e.Errors.Select(x => x.Line));
    }
}
