using System.Net;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>/metrics on a running node: Prometheus text with the engine's and the journal's instruments, and the operator-only switch.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format()
    {
        using var server = new ServerFactory();
        var client = server.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode(); // the node is up, so the engine's meters exist

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE livecasino_metrics_series_dropped_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE livecasino_journal_write_milliseconds histogram", text, StringComparison.Ordinal); // the journal, written at start-up
        Assert.Matches(@"(?m)^livecasino_journal_batch_events_count [1-9]\d*$", text);
        Assert.DoesNotMatch(@"(?m)^[^#\n]* (?!-?\d|\+Inf|NaN)\S+$", text); // every sample line ends in a number
    }

    [Fact]
    public async Task Metrics_can_be_restricted_to_operators()
    {
        using var server = new ServerFactory(new Dictionary<string, string?> { ["LiveCasino:Metrics:RequireOperator"] = "true" });
        var response = await server.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
