using System.Net;
using System.Text.Json.Nodes;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.Server.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Tests;

/// <summary>The node as a whole: health, readiness, the OpenAPI document, start-up validation, password hashing.</summary>
public sealed class NodeTests
{
    [Fact]
    public async Task Health_is_live_and_ready_with_the_store_answering()
    {
        using var server = new ServerFactory();
        var client = server.CreateClient();
        var live = await (await client.GetAsync("/health")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", (string)live["status"]!);
        var ready = await (await client.GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Healthy", "Healthy"), ((string)ready["checks"]!["node"]!["status"]!, (string)ready["checks"]!["store"]!["status"]!));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_bearer_scheme()
    {
        using var server = new ServerFactory();
        var doc = await (await server.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[] { "/api/accounts/register", "/api/accounts/login", "/api/accounts/refresh", "/api/wallet/deposits", "/api/wallet/transactions", "/api/operator/reconciliation", "/api/operator/consoles" })
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal("bearer", (string)doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!);
        Assert.DoesNotContain("/webhooks/payments", paths);
    }

    [Theory]
    [InlineData("LiveCasino:Security:PasswordIterations", "100000", "LiveCasino:Security:PasswordIterations")]
    [InlineData("LiveCasino:Security:Lockout:BackoffMax", "00:00:01", "LiveCasino:Security:Lockout:BackoffMax")]
    [InlineData("LiveCasino:Http:HttpsPort", "5443", "LiveCasino:Http:CertificatePath is required")]
    [InlineData("LiveCasino:Http:AllowedOrigins:0", "https://casino.example/lobby", "LiveCasino:Http:AllowedOrigins")]
    [InlineData("LiveCasino:Payments:Demo", "false", "LiveCasino:Payments:ProviderBaseAddress")]
    [InlineData("LiveCasino:Wallets:Currency", "euro", "LiveCasino:Wallets:Currency")]
    public void A_bad_setting_stops_start_up_naming_the_key(string key, string value, string message)
    {
        using var server = new ServerFactory(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains(message, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_setting_stops_start_up()
    {
        using var server = new ServerFactory(new Dictionary<string, string?> { ["LiveCasino:Security:PasswordIteration"] = "300000" });
        var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains("PasswordIteration", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_hashes_are_PBKDF2_HMAC_SHA512_at_the_configured_iterations()
    {
        using var hashing = new PasswordHashing(Microsoft.Extensions.Options.Options.Create(new SecurityOptions { PasswordIterations = 250_000 }));
        var hash = await hashing.HashAsync("correct horse battery", CancellationToken.None);

        // Identity format V3: 0x01, PRF (0 SHA1, 1 SHA256, 2 SHA512), iterations, salt length, big-endian.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, ReadUInt32(bytes, 1));
        Assert.Equal(250_000u, ReadUInt32(bytes, 5));
        Assert.Equal(16u, ReadUInt32(bytes, 9));
        Assert.Equal(1 + 12 + 16 + 32, bytes.Length);
        Assert.Equal(PasswordVerificationResult.Success, await hashing.VerifyAsync(hash, "correct horse battery", CancellationToken.None));
        Assert.Equal(PasswordVerificationResult.Failed, await hashing.VerifyAsync(hash, "correct horse batterY", CancellationToken.None));
        Assert.Equal(PasswordVerificationResult.Failed, await hashing.VerifyAsync(null, "correct horse battery", CancellationToken.None));

        using var stronger = new PasswordHashing(Microsoft.Extensions.Options.Options.Create(new SecurityOptions { PasswordIterations = 300_000 }));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await stronger.VerifyAsync(hash, "correct horse battery", CancellationToken.None));
    }

    [Fact]
    public async Task Errors_the_framework_raises_are_problem_details_too()
    {
        using var server = new ServerFactory();
        var client = server.CreateClient();
        var response = await client.SendAsync(HttpMethod.Put, "/api/accounts/login");
        await response.ExpectProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    private static uint ReadUInt32(byte[] b, int at) => (uint)(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
