using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// A statement prepared once on the writer connection and driven through SQLite's C API: bind by
/// position, step, reset. On the hot write path this costs a fraction of an ADO.NET command
/// execution, which builds a reader and looks parameters up by name every time.
/// Not thread-safe; the journal's write gate serializes all use.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, byte[] value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>The prepared statement, for reading the columns of the current row.</summary>
    public sqlite3_stmt Handle => _statement;

    /// <summary>Steps to the next row of a query; false when there is none. Call <see cref="Reset"/> before running it again.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        return rc switch
        {
            Row => true,
            Done => false,
            _ => throw Error(rc),
        };
    }

    /// <summary>Makes the statement ready to run again (bindings are kept until rebound).</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>Runs the statement; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != Done && rc != Row)
        {
            var error = Error(rc);
            raw.sqlite3_reset(_statement);
            throw error;
        }

        raw.sqlite3_reset(_statement);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs a query and returns column 0 of its first row as an integer (0 when no row).</summary>
    public long ExecuteInt64()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != Done && rc != Row)
        {
            var error = Error(rc);
            raw.sqlite3_reset(_statement);
            throw error;
        }

        var value = rc == Row ? raw.sqlite3_column_int64(_statement, 0) : 0L;
        raw.sqlite3_reset(_statement);
        return value;
    }

    /// <summary>Runs a query and copies the first columns of its first row into <paramref name="row"/>; false when no row.</summary>
    public bool TryReadInt64s(Span<long> row)
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != Done && rc != Row)
        {
            var error = Error(rc);
            raw.sqlite3_reset(_statement);
            throw error;
        }

        if (rc == Row)
        {
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = raw.sqlite3_column_int64(_statement, i);
            }
        }

        raw.sqlite3_reset(_statement);
        return rc == Row;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
}
