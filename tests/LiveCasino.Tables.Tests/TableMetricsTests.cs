using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>
/// Rounds and settlement latency on the world's own meter (so parallel tests never mix), timed on
/// the fake clock: the journal write of the settlement is held while the clock moves; and the
/// <c>SettleRound</c> span with its round id. Logs are not asserted here (they are plain calls).
/// </summary>
public sealed class TableMetricsTests : IAsyncLifetime
{
    private readonly string _table = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.FundAsync("p1", 100_000);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _world.Metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _world.DisposeAsync();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (k, v) in tags)
        {
            map[k] = v?.ToString();
        }

        _measured.Enqueue((instrument.Name, value, map));
    }

    private List<(double Value, Dictionary<string, string?> Tags)> Of(string name) =>
        [.. _measured.Where(m => m.Name == name).Select(m => (m.Value, m.Tags))];

    [Fact]
    public async Task A_settled_round_records_its_settlement_latency_from_result_to_written_and_counts_the_round()
    {
        await _world.ConfigureAsync(_table, Roulette());
        var round = await _world.OpenRoundAsync(_table);
        await _world.BetAsync(_table, round, "p1", "b-1", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(_table);
        Assert.Empty(Of("livecasino.rounds.settlement"));

        var settlementWrite = _world.TableJournal.HoldWrites();
        var spin = _world.SpinAsync(_table, round, 3);
        await settlementWrite.WaitAsync(TableWorld.Patience);
        _world.Time.Advance(TimeSpan.FromMilliseconds(40)); // the journal takes 40 ms
        _world.TableJournal.ReleaseWrites();
        await spin.Expect<TableReply.CommandAccepted>();

        var latency = Assert.Single(Of("livecasino.rounds.settlement"));
        Assert.Equal(40.0, latency.Value);
        Assert.Equal("roulette", latency.Tags["game"]);
        var settled = Assert.Single(Of("livecasino.rounds.settled"));
        Assert.Equal((1.0, _table, "roulette"), (settled.Value, settled.Tags["table"], settled.Tags["game"]));
        Assert.Empty(Of("livecasino.rounds.voided"));
    }

    [Fact]
    public async Task A_voided_round_is_counted_with_the_phase_it_was_in_and_a_card_game_settles_under_its_own_name()
    {
        await _world.ConfigureAsync(_table, DragonTiger());
        await _world.NewShoeAsync(_table);
        var voided = await _world.OpenRoundAsync(_table);
        await _world.AskTable(_table, new TableCommand.VoidRound(voided, "studio power cut", _world.Dealer("shift-manager"))).Expect<TableReply.CommandAccepted>();

        var round = await _world.OpenRoundAsync(_table);
        await _world.CloseByTimeAsync(_table);
        await _world.CardAsync(_table, round, "7S").Expect<TableReply.CommandAccepted>();
        await _world.CardAsync(_table, round, "9H").Expect<TableReply.CommandAccepted>(); // the second card completes the result

        var v = Assert.Single(Of("livecasino.rounds.voided"));
        Assert.Equal((1.0, _table, "dragonTiger", "bettingOpen"), (v.Value, v.Tags["table"], v.Tags["game"], v.Tags["phase"]));
        var settled = Assert.Single(Of("livecasino.rounds.settled"));
        Assert.Equal(("dragonTiger", _table), (settled.Tags["game"], settled.Tags["table"]));
        Assert.Equal(0.0, Assert.Single(Of("livecasino.rounds.settlement")).Value); // nothing held the write: no fake time passed
    }

    [Fact]
    public async Task Settlement_is_a_SettleRound_span_with_the_round_id_when_someone_listens()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TableTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await _world.ConfigureAsync(_table, Roulette());
        var round = await _world.OpenRoundAsync(_table);
        await _world.BetAsync(_table, round, "p1", "b-1", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(_table);
        await _world.SpinAsync(_table, round, 3).Expect<TableReply.CommandAccepted>();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("livecasino.round_id") == $"{_table}:{round}");
        Assert.Equal("SettleRound", span.OperationName);
        Assert.Equal((_table, "roulette", 1), ((string?)span.GetTagItem("livecasino.table_id"), (string?)span.GetTagItem("livecasino.game"), (int?)span.GetTagItem("livecasino.bets")));
    }
}
