using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveCasino.Server.Tests.Support;

/// <summary>Thin JSON helpers over the node's REST API, as a client would call it.</summary>
public static class Rest
{
    public const string Password = "correct horse battery";

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        Authorize(request, token);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string? token = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Authorize(request, token);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        Authorize(request, token);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token) => client.SendAsync(HttpMethod.Get, path, token);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("empty body");
    }

    /// <summary>Reads the body as JSON after checking the status; the failure message shows the body.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Checks a ProblemDetails answer: status, problem+json, and a detail containing <paramref name="detail"/>.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (int)body["status"]!);
        if (detail is not null)
        {
            Assert.Contains(detail, (string?)body["detail"] ?? "", StringComparison.Ordinal);
        }

        return body;
    }

    public static async Task<string> RegisterAsync(this HttpClient client, string username, string password = Password)
    {
        var body = await (await client.PostJsonAsync("/api/accounts/register", new { username, password })).ExpectAsync(HttpStatusCode.Created);
        return (string)body["accountId"]!;
    }

    public static async Task<Tokens> LoginAsync(this HttpClient client, string username, string password = Password)
    {
        var body = await (await client.PostJsonAsync("/api/accounts/login", new { username, password })).ExpectAsync(HttpStatusCode.OK);
        return Tokens.From(body);
    }

    public static async Task<Tokens> RegisterAndLoginAsync(this HttpClient client, string username)
    {
        await client.RegisterAsync(username);
        return await client.LoginAsync(username);
    }

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostJsonAsync("/api/accounts/refresh", new { refreshToken });

    public static async Task<JsonObject> BalanceAsync(this HttpClient client, string token) =>
        await (await client.GetAsync("/api/wallet", token)).ExpectAsync(HttpStatusCode.OK);

    public static long Long(this JsonObject body, string name) => (long)body[name]!;

    public static string Text(this JsonNode? node) => node is null ? "null" : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}

/// <summary>The tokens of one login or refresh.</summary>
public sealed record Tokens(string Access, string Refresh, long ExpiresIn)
{
    public static Tokens From(JsonObject body) => new((string)body["accessToken"]!, (string)body["refreshToken"]!, (long)body["expiresIn"]!);
}
