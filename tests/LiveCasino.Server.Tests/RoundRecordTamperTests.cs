using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Tests.Support;
using LiveCasino.Tables.Protocol;
using LiveCasino.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCasino.Server.Tests;

/// <summary>
/// GET /api/tables/{tableId}/rounds/{roundNo} checks the record against its seal: an event altered
/// in the SQLite store while the node was down is reported as a break, and the round is not verified.
/// </summary>
public sealed class RoundRecordTamperTests : IDisposable
{
    private const string Table = "roulette-t1";
    private readonly string _directory = ServerFactory.NewDataDirectory();

    public void Dispose() => ServerFactory.DeleteDataDirectory(_directory);

    [Fact]
    public async Task An_event_altered_in_the_store_makes_the_round_unverified_with_the_break_listed()
    {
        using (var first = new ServerFactory(dataDirectory: _directory))
        {
            using var http = first.CreateClient();
            var op = (await http.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;
            await (await PutAsync(http, op)).ExpectAsync(HttpStatusCode.Created);

            // The dealer side, in-process: open, close, spin.
            var tables = first.Services.GetRequiredService<TablesRuntime>().Tables;
            var stamp = new DealerStamp("tester", first.Time.GetUtcNow());
            Assert.IsType<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(Table, new TableCommand.OpenRound(stamp), TimeSpan.FromSeconds(30)));
            Assert.IsType<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(Table, new TableCommand.CloseBets(1, stamp), TimeSpan.FromSeconds(30)));
            Assert.IsType<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(Table, new TableCommand.ReportSpin(1, 17, 6, false, stamp), TimeSpan.FromSeconds(30)));
            JsonObject round = [];
            await Eventually.TrueAsync(
                () => (round = Get(http, $"/api/tables/{Table}/rounds/1", op)).ContainsKey("verified"), "round 1 is sealed", TimeSpan.FromSeconds(30));
            Assert.True((bool)round["verified"]!, round.ToJsonString());
        }

        SqliteConnection.ClearAllPools();
        using (var db = new SqliteConnection($"Data Source={Path.Combine(_directory, "livecasino.db")}"))
        {
            db.Open();
            using var alter = db.CreateCommand();
            alter.CommandText = """
                UPDATE journal_events SET payload = CAST(replace(CAST(payload AS TEXT), '"By":"tester"', '"By":"forger"') AS BLOB)
                WHERE manifest = 'table.round-opened.v1'
                """;
            Assert.Equal(1, alter.ExecuteNonQuery());
        }

        SqliteConnection.ClearAllPools();
        using var second = new ServerFactory(dataDirectory: _directory);
        using var client = second.CreateClient();
        var token = (await client.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;
        var tampered = Get(client, $"/api/tables/{Table}/rounds/1", token);
        Assert.False((bool)tampered["verified"]!, tampered.ToJsonString());
        var broken = tampered["breaks"]!.AsArray().Single()!.AsObject();
        Assert.Equal(("hashMismatch", 1L), ((string)broken["kind"]!, (long)broken["roundNo"]!));
        Assert.Contains(tampered["events"]!.AsArray(), e => (string?)e!["event"]!["By"] == "forger"); // shown as stored, flagged
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string token)
    {
        var body = new { studioId = "studio-a", game = "roulette", currency = "EUR", bettingWindowMs = 15_000 };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/operator/tables/{Table}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static JsonObject Get(HttpClient http, string path, string token)
    {
        using var response = http.GetAsync(path, token).GetAwaiter().GetResult();
        return JsonNode.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();
    }
}
