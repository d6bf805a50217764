using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Creates the journal tables in a new file and refuses a file whose layout this version cannot
/// read, with an error that says so, rather than failing on the first query.
/// </summary>
internal static class SqliteJournalVersion
{
    public static void Ensure(SqliteConnection writer, string dataSource)
    {
        var found = Scalar(writer, "PRAGMA user_version;");
        if (found == 0 && Scalar(writer, SqliteJournalSchema.DetectVersion1) > 0)
        {
            found = 1;
        }

        if (found != 0 && found != SqliteJournalSchema.Version)
        {
            throw new InvalidOperationException(
                $"The SQLite journal '{dataSource}' has layout version {found}; this build reads version {SqliteJournalSchema.Version}. " +
                "Use a new data folder (the journal formats before 1.0 are not migrated).");
        }

        SqliteConnections.Execute(writer, SqliteJournalSchema.Create);
        SqliteConnections.Execute(writer, "PRAGMA user_version = " + SqliteJournalSchema.Version.ToString(CultureInfo.InvariantCulture) + ";");
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : 0;
    }
}
