using System.Threading.Channels;
using Akka.Streams;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Sensors;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>
/// Raw sensor lines into a bound console and its table through the Akka.Streams stages, on fake
/// time: malformed input, retransmits, repeated reads, out-of-order and missing readings, and a
/// delivery that sends the same reading again with backoff when the table does not answer.
/// </summary>
public sealed class SensorStreamTests : IAsyncLifetime
{
    private const string T = "bac-1";
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(64);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<TimeSpan> _retried = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Akka.Actor.ActorSystem _engine = Akka.Actor.ActorSystem.Create("sensor-streams");
    private TableWorld _world = null!;
    private Akka.TestKit.TestProbe _screen = null!;
    private SensorStream _stream = null!;
    private long _round;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.ConfigureAsync(T, Baccarat());
        await _world.NewShoeAsync(T);
        var consoles = await DealerConsoles.StartAsync(_world.TableSystem, _world.Tables, _world.Time, new ConsoleOptions { TableTimeout = TimeSpan.FromSeconds(2) });
        _screen = _world.TableSystem.CreateProbe("screen");
        consoles.Connect("console-1", TableWorld.Studio, _screen.Ref);
        consoles.Tell("console-1", new ConsoleCommand.Bind(T));
        await _screen.FishForMessageAsync<ConsoleEvent.Bound>(_ => true, TableWorld.Patience, "bound");
        _round = await _world.OpenRoundAsync(T);
        await _screen.FishForMessageAsync<ConsoleEvent.TableChanged>(e => e.Event.Event is RoundOpened, TableWorld.Patience, "the console to see the round open");
        await _world.AskTable(T, new TableCommand.CloseBets(_round, _world.Dealer())).Expect<TableReply.CommandAccepted>();
        var options = new SensorStreamOptions
        {
            GapTimeout = TimeSpan.FromSeconds(1),
            Backoff = new SensorBackoff { MinBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(2), RandomFactor = 0, OnRetry = d => _retried.TrySetResult(d) },
        };
        _stream = consoles.StartSensorStream("console-1", _lines.Reader, _engine.Materializer(), options, _stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream.Completion.WaitAsync(TableWorld.Patience);
        await _world.DisposeAsync();
        await _engine.Terminate();
        _stop.Dispose();
    }

    [Fact]
    public async Task Malformed_lines_are_counted_and_reported_and_never_reach_the_table()
    {
        await Send("garbage", "1|" + T0 + "|shoe|ZZ", """{"seq":2,"device":"shoe"}""", Line(1, "2H"));
        await UntilCards(1);
        Assert.Equal(3, _stream.Counters.Malformed);
        var reasons = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            reasons.Add((await _screen.FishForMessageAsync<ConsoleEvent.SensorRejected>(_ => true, TableWorld.Patience, "a rejected line")).Reason);
        }

        Assert.Equal(["field-count", "card", "timestamp"], reasons);
        Assert.Equal(["2H"], await CardsAsync());
    }

    [Fact]
    public async Task Out_of_order_retransmitted_and_repeated_readings_reach_the_table_once_in_order()
    {
        // Sequence 2 arrives first, 1 twice (a retransmit), and 3 is the scanner reading 4D twice (a double read).
        await Send(Line(2, "3C"), Line(1, "2H"), Line(1, "2H"), Line(3, "4D"), Line(4, "4D"), Line(5, "2S"), Line(6, "4H"));
        await UntilCards(5);
        Assert.Equal(["2H", "3C", "4D", "2S", "4H"], await CardsAsync());
        Assert.Equal((1L, 1L, 0L), (_stream.Counters.Retransmits, _stream.Counters.Repeats, _stream.Counters.Gaps));
        var result = (await _world.SnapshotAsync(T)).Result!;
        Assert.Equal(("banker", 6, 9), (result.Winner, result.PlayerTotal!.Value, result.BankerTotal!.Value));
    }

    [Fact]
    public async Task A_missing_reading_is_reported_as_a_gap_after_the_timeout_and_the_rest_flows()
    {
        await Send(Line(1, "2H"), Line(3, "4D"));
        await UntilCards(1);
        _world.Time.Advance(TimeSpan.FromSeconds(1)); // the reorder stage gives up on 2
        var gap = await _screen.FishForMessageAsync<ConsoleEvent.SensorGap>(_ => true, TableWorld.Patience, "the gap");
        Assert.Equal((2L, 2L), (gap.First, gap.Last));
        await UntilCards(2);
        Assert.Equal(["2H", "4D"], await CardsAsync()); // the dealer sees the gap and re-scans or voids
        Assert.Equal((1L, 1L), (_stream.Counters.Gaps, _stream.Counters.Missing));
    }

    [Fact]
    public async Task When_the_table_does_not_answer_the_delivery_backs_off_and_resends_the_same_reading_once()
    {
        var write = _world.TableJournal.HoldWrites();
        await Send(Line(1, "2H"));
        await write.WaitAsync(TableWorld.Patience); // the table is writing the card and does not answer
        _world.Time.Advance(TimeSpan.FromSeconds(2)); // the console gives up waiting: "unavailable"
        var delay = await _retried.Task.WaitAsync(TableWorld.Patience);
        Assert.Equal(TimeSpan.FromMilliseconds(200), delay);
        _world.TableJournal.ReleaseWrites();
        _world.Time.Advance(delay); // resend: the table knows the reading id and answers "repeat"
        await UntilAsync(() => Task.FromResult(_stream.Counters.Accepted == 1), "the resent reading to be accepted");
        Assert.Equal(["2H"], await CardsAsync());
        Assert.Equal(1, _stream.Counters.Retries);
    }

    private static string Line(long seq, string card) => $"{seq}|{T0 + seq}|shoe|{card}";

    private async Task Send(params string[] lines)
    {
        foreach (var line in lines)
        {
            await _lines.Writer.WriteAsync(line);
        }
    }

    private async Task<List<string>> CardsAsync() => [.. (await _world.SnapshotAsync(T)).Cards.Select(c => c.Card)];

    private Task UntilCards(int count) => UntilAsync(async () => (await CardsAsync()).Count >= count, $"{count} cards at the table");
}
