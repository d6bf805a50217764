using System.Xml.Linq;
using LiveCasino.Stores.Postgres;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace LiveCasino.Server.Security;

/// <summary>
/// The Data Protection key ring of a cluster, in the shared PostgreSQL schema (table
/// <c>data_protection_keys</c>): every member protects and reads tokens with the same keys, so a
/// token issued by one node is accepted by every other. Keys are never deleted here (Data Protection
/// revokes them by adding elements); one node adds the first key while the others wait on an
/// advisory lock (<see cref="EnsureKey"/>), so members started together agree on it.
/// </summary>
public sealed class PostgresKeyRing : IXmlRepository, IDisposable
{
    /// <summary>Upper bound of the elements read back (keys are rotated every 90 days; revocations are rare).</summary>
    public const int ElementsMax = 10_000;

    private const long LockKey = 0x4C43_4B45_5952_4E47; // "LCKEYRNG"
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly string _ddl;
    private bool _created;

    public PostgresKeyRing(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        new PostgresStoreOptions { ConnectionString = connectionString, Schema = schema }.Validate();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _table = $"\"{schema}\".data_protection_keys";
        _ddl = $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS {_table} (
              id bigserial PRIMARY KEY,
              friendly_name text NULL,
              xml text NOT NULL,
              stored_at timestamptz NOT NULL DEFAULT now());
            """;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT xml FROM {_table} ORDER BY id LIMIT {ElementsMax}", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        EnsureTable();
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"INSERT INTO {_table} (friendly_name, xml) VALUES ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = friendlyName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes sure the ring has a key usable now, creating it under the cluster-wide lock if none is:
    /// nodes that start together then protect with the same key instead of one each.
    /// </summary>
    public void EnsureKey(IKeyManager keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        EnsureTable();
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            lockCommand.ExecuteNonQuery();
        }

        var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2));
        if (!usable)
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }

        transaction.Commit();
    }

    public void Dispose() => _dataSource.Dispose();

    private void EnsureTable()
    {
        if (Volatile.Read(ref _created))
        {
            return;
        }

        // Data Protection reads and writes the ring synchronously; the table is made once per process.
        PostgresDdl.ApplyAsync(_dataSource, LockKey + 1, _ddl, CancellationToken.None).GetAwaiter().GetResult();
        Volatile.Write(ref _created, true);
    }
}
