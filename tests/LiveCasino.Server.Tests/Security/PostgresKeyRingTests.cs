using LiveCasino.Server.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCasino.Server.Tests.Security;

/// <summary>
/// The cluster's key ring in PostgreSQL: two members started together agree on one key, and a
/// payload protected on one member is read on the other (tokens work whichever node a player reaches).
/// </summary>
public sealed class PostgresKeyRingTests
{
    [Fact]
    public async Task Two_members_started_together_share_one_key_and_read_each_others_payloads()
    {
        var connection = Environment.GetEnvironmentVariable("LIVECASINO_PG")
            ?? throw new InvalidOperationException("LIVECASINO_PG is not set: run ./test.sh, or `source scripts/postgres.sh start` first.");
        var schema = "keys_" + Guid.NewGuid().ToString("N")[..10];
        using var first = Member(connection, schema, out var firstRing);
        using var second = Member(connection, schema, out var secondRing);

        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(
            Task.Run(() => firstRing.EnsureKey(first.GetRequiredService<IKeyManager>(), now)),
            Task.Run(() => secondRing.EnsureKey(second.GetRequiredService<IKeyManager>(), now)));

        Assert.Single(firstRing.GetAllElements());
        var token = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("player-7");
        Assert.Equal("player-7", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => second.GetRequiredService<IDataProtectionProvider>().CreateProtector("other purpose").Unprotect(token));
    }

    [Fact]
    public void A_bad_schema_is_refused_before_any_sql()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgresKeyRing("Host=127.0.0.1", "bad\"schema"));
    }

    private static ServiceProvider Member(string connection, string schema, out PostgresKeyRing ring)
    {
        var shared = new PostgresKeyRing(connection, schema);
        ring = shared;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("LiveCasino").DisableAutomaticKeyGeneration();
        services.AddSingleton(_ => shared);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = shared);
        return services.BuildServiceProvider();
    }
}
