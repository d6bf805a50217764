using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveCasino.Clients;

/// <summary>
/// The few REST calls the demo clients need (accounts, console login and creation, wallet balance
/// and deposits), as any client would make them. A 429 is waited out (Retry-After) and retried a
/// bounded number of times; other failures throw <see cref="HttpRequestException"/> with the
/// server's problem detail.
/// </summary>
public sealed class CasinoApi(HttpClient http, TimeProvider time)
{
    /// <summary>Attempts of one call while the server answers 429.</summary>
    public const int AttemptsMax = 8;

    /// <summary>A new player account; false when the name is taken (then log in).</summary>
    public async Task<bool> RegisterAsync(string username, string password, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/accounts/register", new JsonObject { ["username"] = username, ["password"] = password }, null, cancellationToken)
            .ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.Conflict => false,
            _ => throw Failure("register", status, body),
        };
    }

    /// <summary>An access token for a person's login.</summary>
    public Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken) =>
        TokenAsync("/api/accounts/login", new JsonObject { ["username"] = username, ["password"] = password }, cancellationToken);

    /// <summary>An access token for a dealer console.</summary>
    public Task<string> ConsoleLoginAsync(string consoleId, string apiKey, CancellationToken cancellationToken) =>
        TokenAsync("/api/consoles/login", new JsonObject { ["consoleId"] = consoleId, ["apiKey"] = apiKey }, cancellationToken);

    /// <summary>Operator: a new console for <paramref name="studioId"/>; its id and API key (shown once).</summary>
    public async Task<(string ConsoleId, string ApiKey)> CreateConsoleAsync(string operatorToken, string studioId, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/operator/consoles", new JsonObject { ["studioId"] = studioId }, operatorToken, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.Created
            ? ((string)body!["consoleId"]!, (string)body["apiKey"]!)
            : throw Failure("create console", status, body);
    }

    /// <summary>Available balance and currency of the caller's wallet.</summary>
    public async Task<(long Available, string Currency)> BalanceAsync(string token, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/wallet", null, token, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? ((long)body!["availableMinor"]!, (string)body["currency"]!) : throw Failure("balance", status, body);
    }

    /// <summary>A deposit through the payment provider (idempotent by <paramref name="operationId"/>); the money arrives by webhook.</summary>
    public async Task DepositAsync(string token, string operationId, long amountMinor, string currency, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["operationId"] = operationId, ["amountMinor"] = amountMinor, ["currency"] = currency, ["channel"] = "card" };
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/wallet/deposits", request, token, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.Accepted)
        {
            throw Failure("deposit", status, body);
        }
    }

    private async Task<string> TokenAsync(string path, JsonObject request, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, path, request, null, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? (string)body!["accessToken"]! : throw Failure("login", status, body);
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> SendAsync(HttpMethod method, string path, JsonObject? content, string? token, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (content is not null)
            {
                request.Content = new StringContent(content.ToJsonString(), Encoding.UTF8, "application/json");
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < AttemptsMax)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
                await Task.Delay(wait + TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var body = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text)?.AsObject() : null;
            return (response.StatusCode, body);
        }
    }

    private static HttpRequestException Failure(string what, HttpStatusCode status, JsonObject? body) =>
        new($"{what}: {(int)status} {status}: {(string?)body?["detail"] ?? (string?)body?["title"] ?? "no detail"}", null, status);
}
