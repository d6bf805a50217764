using System.Diagnostics.Metrics;

namespace LiveCasino.Observability.Tests;

/// <summary>
/// The exporter against real System.Diagnostics.Metrics instruments. Each test uses a meter of its
/// own name and a collector listening to that name only, so tests never see each other's series.
/// </summary>
public sealed class PrometheusCollectorTests : IDisposable
{
    private readonly string _meterName = "LiveCasinoTest" + Guid.NewGuid().ToString("N")[..8];
    private readonly Meter _meter;
    private readonly PrometheusCollector _collector;

    public PrometheusCollectorTests()
    {
        _meter = new Meter(_meterName);
        var options = new PrometheusOptions { MaxSeriesPerInstrument = 3 };
        options.MeterPrefixes.Clear();
        options.MeterPrefixes.Add(_meterName);
        _collector = new PrometheusCollector(options);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Counters_are_summed_per_label_set_and_named_with_total()
    {
        var bets = _meter.CreateCounter<long>("livecasino.bets.rejected", description: "Bets refused, by reason.");
        bets.Add(1, new KeyValuePair<string, object?>("reason", "late"));
        bets.Add(2, new KeyValuePair<string, object?>("reason", "late"));
        bets.Add(1, new KeyValuePair<string, object?>("reason", "limit"));

        var lines = Lines(_collector.Scrape());
        Assert.Contains("# HELP livecasino_bets_rejected_total Bets refused, by reason.", lines);
        Assert.Contains("# TYPE livecasino_bets_rejected_total counter", lines);
        Assert.Contains("livecasino_bets_rejected_total{reason=\"late\"} 3", lines);
        Assert.Contains("livecasino_bets_rejected_total{reason=\"limit\"} 1", lines);
    }

    [Fact]
    public void Histograms_have_cumulative_buckets_sum_and_count_and_a_unit_suffix()
    {
        var latency = _meter.CreateHistogram<double>("livecasino.bet.latency", unit: "ms");
        foreach (var ms in new[] { 0.2, 3.0, 3.0, 15.0, 9_000.0 })
        {
            latency.Record(ms);
        }

        var lines = Lines(_collector.Scrape());
        Assert.Contains("# TYPE livecasino_bet_latency_milliseconds histogram", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_bucket{le=\"0.5\"} 1", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_bucket{le=\"5\"} 3", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_bucket{le=\"20\"} 4", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_bucket{le=\"5000\"} 4", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_bucket{le=\"+Inf\"} 5", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_sum 9021.2", lines);
        Assert.Contains("livecasino_bet_latency_milliseconds_count 5", lines);
    }

    [Fact]
    public void Gauges_and_observable_instruments_report_their_current_value_at_each_scrape()
    {
        var viewers = 10;
        var totalResyncs = 4L;
        _meter.CreateObservableGauge("livecasino.table.viewers", () => new Measurement<int>(viewers, new KeyValuePair<string, object?>("table", "roulette-1")));
        _meter.CreateObservableCounter("livecasino.hub.resyncs", () => totalResyncs);
        var connections = _meter.CreateUpDownCounter<int>("livecasino.hub.connections");
        connections.Add(5);
        connections.Add(-2);

        var first = Lines(_collector.Scrape());
        Assert.Contains("livecasino_table_viewers{table=\"roulette-1\"} 10", first);
        Assert.Contains("# TYPE livecasino_table_viewers gauge", first);
        Assert.Contains("livecasino_hub_resyncs_total 4", first);
        Assert.Contains("livecasino_hub_connections 3", first);

        viewers = 7;
        totalResyncs = 9;
        var second = Lines(_collector.Scrape());
        Assert.Contains("livecasino_table_viewers{table=\"roulette-1\"} 7", second);
        Assert.Contains("livecasino_hub_resyncs_total 9", second); // cumulative: set, not added to 4
    }

    [Fact]
    public void Label_values_are_escaped_and_label_order_does_not_split_a_series()
    {
        var errors = _meter.CreateCounter<long>("livecasino.errors");
        errors.Add(1, new KeyValuePair<string, object?>("where", "a\"b\\c\nd"), new KeyValuePair<string, object?>("kind", "x"));
        errors.Add(1, new KeyValuePair<string, object?>("kind", "x"), new KeyValuePair<string, object?>("where", "a\"b\\c\nd"));

        Assert.Contains("livecasino_errors_total{kind=\"x\",where=\"a\\\"b\\\\c\\nd\"} 2", Lines(_collector.Scrape()));
    }

    [Fact]
    public void Series_beyond_the_limit_are_dropped_and_counted_not_kept()
    {
        var requests = _meter.CreateCounter<long>("livecasino.requests");
        for (var i = 0; i < 5; i++)
        {
            requests.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var lines = Lines(_collector.Scrape());
        Assert.Equal(3, lines.Count(l => l.StartsWith("livecasino_requests_total{", StringComparison.Ordinal)));
        Assert.Contains("livecasino_metrics_series_dropped_total 2", lines);
    }

    [Fact]
    public void Meters_outside_the_prefixes_are_not_exported()
    {
        using var other = new Meter("Other" + Guid.NewGuid().ToString("N")[..6]);
        other.CreateCounter<long>("other.thing").Add(1);
        _meter.CreateCounter<long>("livecasino.mine").Add(1);

        var text = _collector.Scrape();
        Assert.DoesNotContain("other_thing", text, StringComparison.Ordinal);
        Assert.Contains("livecasino_mine_total 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_already_abbreviated_in_the_name_is_spelt_out_once()
    {
        _meter.CreateHistogram<double>("livecasino.journal.write_ms", unit: "ms").Record(1);
        Assert.Contains("# TYPE livecasino_journal_write_milliseconds histogram", Lines(_collector.Scrape()));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrometheusOptions { MaxSeriesPerInstrument = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new PrometheusOptions { DefaultBuckets = [5, 1] }.Validate());
    }
}
