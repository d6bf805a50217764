using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>Bad input anywhere gets a clear ProblemDetails answer and changes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("{\"operationId\":\"d1\",\"amountMinor\":5000,\"currency\":\"EUR\",\"channel\":\"card\"", "open JSON object")]
    [InlineData("""not json at all""", "invalid")]
    [InlineData("""{"operationId":"d1","amountMinor":"5000","currency":"EUR","channel":"card"}""", "$.amountMinor")]
    [InlineData("""{"operationId":"d1","amountMinor":50.5,"currency":"EUR","channel":"card"}""", "$.amountMinor")]
    [InlineData("""{"operationId":"d1","amountMinor":99999999999999999999,"currency":"EUR","channel":"card"}""", "$.amountMinor")]
    [InlineData("""{"operationId":"d1","amountMinor":-5,"currency":"EUR","channel":"card"}""", "amountMinor must be")]
    [InlineData("""{"operationId":"d1","amountMinor":0,"currency":"EUR","channel":"card"}""", "amountMinor must be")]
    [InlineData("""{"operationId":"d1","amountMinor":10000001,"currency":"EUR","channel":"card"}""", "amountMinor must be")]
    [InlineData("""{"operationId":"d1","amountMinor":5000,"currency":"USD","channel":"card"}""", "currency must be EUR")]
    [InlineData("""{"operationId":"d1","amountMinor":5000,"currency":"EUR","channel":"cash"}""", "channel must be")]
    [InlineData("""{"operationId":"d 1","amountMinor":5000,"currency":"EUR","channel":"card"}""", "operationId must be")]
    [InlineData("""{"operationId":"d1","amountMinor":5000,"currency":"EUR"}""", "missing required properties")]
    [InlineData("""{"operationId":null,"amountMinor":5000,"currency":"EUR","channel":"card"}""", "$.operationId")]
    [InlineData("""{"operationId":"d1","amountMinor":5000,"currency":"EUR","channel":"card","bonus":100}""", "'bonus' could not be mapped")]
    [InlineData("""{"operationId":"d1","amountMinor":5,"amountMinor":500000,"currency":"EUR","channel":"card"}""", "Duplicate")]
    [InlineData("""[1,2,3]""", "$")]
    public async Task A_bad_deposit_is_refused_with_a_clear_problem_and_moves_no_money(string body, string detail)
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("alice");
        var problem = await (await client.PostRawAsync("/api/wallet/deposits", body, player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(detail, (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);

        var balance = await client.BalanceAsync(player.Access);
        Assert.Equal((0L, 0L, 0L), (balance.Long("availableMinor"), balance.Long("pendingCreditsMinor"), balance.Long("pendingDebitsMinor")));
        var history = await (await client.GetAsync("/api/wallet/transactions", player.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(history["items"]!.AsArray(), i => ((string)i!["kind"]!).StartsWith("deposit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_types_and_missing_fields_on_account_endpoints_are_400_and_create_nothing()
    {
        var client = _server.CreateClient();
        await (await client.PostRawAsync("/api/accounts/register", """{"username":42,"password":"long enough password"}""")).ExpectProblemAsync(HttpStatusCode.BadRequest, "$.username");
        await (await client.PostRawAsync("/api/accounts/register", """{"username":"bob"}""")).ExpectProblemAsync(HttpStatusCode.BadRequest, "missing required");
        await (await client.PostRawAsync("/api/accounts/register", "")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostRawAsync("/api/accounts/register", """{"username":"bob","password":"long enough password"}""", contentType: "text/plain"))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostJsonAsync("/api/accounts/login", new { username = "bob", password = "long enough password" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_oversized_body_is_413_whether_its_length_is_declared_or_not()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("carol");
        var huge = "{\"operationId\":\"d1\",\"amountMinor\":5000,\"currency\":\"EUR\",\"channel\":\"card\",\"pad\":\"" + new string('x', 20_000) + "\"}";
        await (await client.PostRawAsync("/api/wallet/deposits", huge, player.Access)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "at most 16384 bytes");

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/register")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))),
        };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(chunked)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await client.BalanceAsync(player.Access)).Long("availableMinor"));
    }

    [Fact]
    public async Task Unknown_ids_and_bad_query_values_are_clear_errors()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("dave");
        var op = (await client.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;

        await (await client.GetAsync("/api/wallet/payments/never-made", player.Access)).ExpectProblemAsync(HttpStatusCode.NotFound, "never-made");
        await (await client.GetAsync("/api/wallet/payments/bad%20id", player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "operationId");
        await (await client.GetAsync("/api/wallet/transactions?pageSize=abc", player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await client.GetAsync("/api/wallet/transactions?pageSize=0", player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "pageSize must be 1 to 100");
        await (await client.GetAsync("/api/wallet/transactions?pageSize=101", player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/wallet/transactions?before=-1", player.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "before");
        await (await client.SendAsync(HttpMethod.Post, "/api/operator/consoles/con-0000000000000000/rotate", op)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(HttpMethod.Delete, "/api/operator/consoles/not-a-console", op)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(HttpMethod.Post, "/api/operator/payments/nope/resubmit", op)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/operator/consoles", new { studioId = "Studio A!" }, op)).ExpectProblemAsync(HttpStatusCode.BadRequest, "studioId");
        await (await client.PostRawAsync("/api/operator/reconciliation", "operation_id\nnot,a,report", op, "text/csv")).ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed");
        await (await client.SendAsync(HttpMethod.Get, "/api/no-such-endpoint", player.Access)).ExpectProblemAsync(HttpStatusCode.NotFound);
        var list = await (await client.GetAsync("/api/operator/consoles", op)).Content.ReadAsStringAsync();
        Assert.Equal("[]", list); // the refused creation made nothing
    }
}
