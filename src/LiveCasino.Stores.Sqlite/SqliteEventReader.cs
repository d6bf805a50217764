using System.Text;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Reads event rows through SQLite's C API: the payload is deserialized straight from the column
/// bytes, and manifests and writer ids (the same few strings on row after row) are decoded once
/// and reused. Replay is the recovery path of every entity, so per-row allocations count.
/// Columns: 0 sequence_nr, 1 ordering, 2 written_at, 3 writer_id, 4 manifest, 5 payload, 6 tags,
/// and 7 persistence_id for queries across streams.
/// </summary>
internal sealed class SqliteEventReader : IDisposable
{
    private readonly SqliteStatement _query;
    private readonly sqlite3_stmt _statement;
    private readonly IEventSerializer _serializer;
    private readonly RecentString _manifest = new();
    private readonly RecentString _writer = new();
    private readonly RecentString _persistenceId = new();

    public SqliteEventReader(SqliteConnection connection, string sql, IEventSerializer serializer)
    {
        _query = new SqliteStatement(connection, sql);
        _statement = _query.Handle;
        _serializer = serializer;
    }

    public void Bind(int index, long value) => _query.Bind(index, value);

    public void Bind(int index, string value) => _query.Bind(index, value);

    /// <summary>Makes the statement ready to run again with new bindings.</summary>
    public void Reset() => _query.Reset();

    /// <summary>Steps to the next row; false when there is none.</summary>
    public bool Read() => _query.Step();

    /// <summary>The current row as an event of <paramref name="persistenceId"/> (or column 7 when null).</summary>
    public PersistentEvent Current(string? persistenceId)
    {
        var manifest = _manifest.Get(raw.sqlite3_column_blob(_statement, 4));
        var bytes = raw.sqlite3_column_blob(_statement, 5).ToArray();
        var tags = raw.sqlite3_column_type(_statement, 6) == raw.SQLITE_NULL
            ? []
            : TagCodec.Split(Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, 6)));
        return new PersistentEvent(
            persistenceId ?? _persistenceId.Get(raw.sqlite3_column_blob(_statement, 7)),
            raw.sqlite3_column_int64(_statement, 0),
            _serializer.Deserialize(manifest, bytes),
            new DateTimeOffset(raw.sqlite3_column_int64(_statement, 2), TimeSpan.Zero),
            tags,
            _writer.Get(raw.sqlite3_column_blob(_statement, 3)))
        {
            Serialized = new SerializedPayload(manifest, bytes),
            Offset = raw.sqlite3_column_int64(_statement, 1),
        };
    }

    public void Dispose() => _query.Dispose();

    /// <summary>The last decoded string, reused while the column holds the same UTF-8 bytes.</summary>
    private sealed class RecentString
    {
        private byte[] _utf8 = [];
        private string _value = string.Empty;

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (!utf8.SequenceEqual(_utf8))
            {
                _utf8 = utf8.ToArray();
                _value = Encoding.UTF8.GetString(utf8);
            }

            return _value;
        }
    }
}
