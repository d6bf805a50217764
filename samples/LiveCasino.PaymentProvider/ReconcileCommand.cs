using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Wallets.Hosting;

namespace LiveCasino.PaymentProvider;

/// <summary>
/// <c>reconcile</c>: the provider's settlement report (a file, or the URL of its CSV endpoint)
/// against the wallet journal (SQLite file or PostgreSQL); prints the table, and exits 0 when
/// nothing needs attention, 2 otherwise, 1 when the report is malformed.
/// </summary>
internal static class ReconcileCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken stop)
    {
        var a = new CommandArgs(args, new HashSet<string>(StringComparer.Ordinal) { "--all" });
        var report = a.Text("--report") ?? throw new UsageException("--report FILE|URL is required");
        var db = a.Text("--db");
        var pg = a.Text("--pg");
        var all = a.Flag("--all");
        a.RejectUnknown();
        if ((db is null) == (pg is null))
        {
            throw new UsageException("give the wallet journal as either --db FILE (SQLite) or --pg CONNECTION (PostgreSQL)");
        }

        IReadOnlyList<SettlementRow> rows;
        try
        {
            rows = SettlementReportParser.Parse(await ReadReportAsync(report, stop));
        }
        catch (SettlementReportFormatException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }

        await using var journal = await OpenJournalAsync(db, pg, stop);
        var result = await Reconciler.ReconcileAsync(rows, new WalletJournalPaymentRecords(journal), stop);
        await output.WriteLineAsync($"provider report: {report} ({rows.Count} payments); ledger: {db ?? "PostgreSQL"}");
        await output.WriteLineAsync();
        ReconciliationTable.Write(output, result, includeMatched: all);
        return result.Clean ? 0 : 2;
    }

    private static async Task<string> ReadReportAsync(string report, CancellationToken stop)
    {
        if (Uri.TryCreate(report, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            return await http.GetStringAsync(uri, stop);
        }

        return File.Exists(report) ? await File.ReadAllTextAsync(report, stop) : throw new UsageException($"no report file {report}");
    }

    private static async Task<IJournal> OpenJournalAsync(string? db, string? pg, CancellationToken stop)
    {
        var serializer = new EventSerializer().RegisterWalletTypes();
        if (db is not null)
        {
            // Opening a missing file would create an empty journal and report every payment as missing.
            return File.Exists(db)
                ? await SqliteJournal.OpenAsync(new SqliteStoreOptions { DataSource = db }, serializer, stop)
                : throw new UsageException($"no wallet database {db}");
        }

        return await PostgresJournal.OpenAsync(new PostgresStoreOptions { ConnectionString = pg!, AutoCreateSchema = false }, serializer, stop);
    }
}
