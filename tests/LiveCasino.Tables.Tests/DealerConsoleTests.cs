using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Sensors;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>Dealer consoles: studio binding, actions turned into table commands, and the dealer mistakes the table refuses.</summary>
public sealed class DealerConsoleTests : IAsyncLifetime
{
    private const string T = "bac-1";
    private TableWorld _world = null!;
    private DealerConsoles _consoles = null!;
    private Akka.TestKit.TestProbe _screen = null!;
    private readonly List<ConsoleEvent> _seen = [];
    private long _seq;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.ConfigureAsync(T, Baccarat());
        await _world.FundAsync("p1", 100_000);
        _consoles = await DealerConsoles.StartAsync(_world.TableSystem, _world.Tables, _world.Time);
        _screen = _world.TableSystem.CreateProbe("screen");
        _consoles.Connect("console-1", TableWorld.Studio, _screen.Ref);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_console_binds_only_to_a_configured_table_of_its_own_studio()
    {
        var other = _world.TableSystem.CreateProbe("other-screen");
        _consoles.Connect("console-9", "studio-2", other.Ref);
        _consoles.Tell("console-9", new ConsoleCommand.Bind(T));
        Assert.Equal(ConsoleRefusal.WrongStudio, (await other.ExpectMsgAsync<ConsoleEvent.BindRefused>(TableWorld.Patience)).Reason);
        _consoles.Tell("console-9", new ConsoleCommand.Act(1, new DealerAction.OpenRound(), _world.Time.GetUtcNow()));
        Assert.Equal(ConsoleRefusal.NotBound, (await other.ExpectMsgAsync<ConsoleEvent.Refused>(TableWorld.Patience)).Reason);

        _consoles.Tell("console-1", new ConsoleCommand.Bind("table-never-configured"));
        Assert.Equal(ConsoleRefusal.TableNotConfigured, (await SeenAsync<ConsoleEvent.BindRefused>(_ => true, "bind refused")).Reason);
        await BindAsync();
    }

    [Fact]
    public async Task A_console_runs_a_baccarat_round_from_shoe_change_to_settlement()
    {
        await BindAsync();
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.ShoeChange());
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn("3D"));
        foreach (var burn in new[] { "9S", "8S", "7S" })
        {
            await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn(burn));
        }

        var opened = await ActAsync<TableReply.CommandAccepted>(new DealerAction.OpenRound());
        await _world.BetAsync(T, opened.RoundNo, "p1", "b", Line("player", 1_000)).Expect<TableReply.BetAccepted>();
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CloseBets());

        // P KH 9C = 9: a natural; the Banker's 5C 2D = 7. Player wins after four cards.
        foreach (var card in new[] { "KH", "5C", "9C", "2D" })
        {
            await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned(card));
        }

        var result = await SeenAsync<ConsoleEvent.TableChanged>(e => e.Event.Event is ResultConfirmed, "the result on the dealer screen");
        Assert.Equal("player", ((ResultConfirmed)result.Event.Event).Result.Winner);
        await _world.DeliverAllAsync(T);
        Assert.Equal(101_000, (await _world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task Dealer_mistakes_are_refused_and_reported_to_the_console()
    {
        await BindAsync();
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.ShoeChange());
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn("AD"));
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn("KD"));
        Assert.Equal(TableRejection.BurnNotExpected, (await ActAsync<TableReply.CommandRejected>(new DealerAction.Burn("QD"))).Reason);
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.OpenRound());

        Assert.Equal(TableRejection.BettingStillOpen, (await ActAsync<TableReply.CommandRejected>(new DealerAction.CardScanned("2H"))).Reason);
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CloseBets());
        Assert.Equal(TableRejection.InvalidCard, (await ActAsync<TableReply.CommandRejected>(new DealerAction.CardScanned("1X"))).Reason);

        // P 2H 4D = 6 stands; B 3C 2S = 5. A third card on the Player breaks the tableau.
        foreach (var card in new[] { "2H", "3C", "4D", "2S" })
        {
            await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned(card));
        }

        var wrongHand = await ActAsync<TableReply.CommandRejected>(new DealerAction.CardScanned("5H", Games.Baccarat.BaccaratHand.Player));
        Assert.Equal(TableRejection.BreaksDrawingRules, wrongHand.Reason);
        Assert.Contains("PlayerMustStand", wrongHand.Detail, StringComparison.Ordinal);
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned("5H", Games.Baccarat.BaccaratHand.Banker, "console-1/sensor/77"));

        // The same reading again is the same card (idempotent); another card is refused; a wheel result is the wrong game.
        Assert.Contains("repeat", (await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned("5H", null, "console-1/sensor/77"))).What, StringComparison.Ordinal);
        Assert.Equal(TableRejection.DealComplete, (await ActAsync<TableReply.CommandRejected>(new DealerAction.CardScanned("6H"))).Reason);
        Assert.Equal(TableRejection.WrongGame, (await ActAsync<TableReply.CommandRejected>(new DealerAction.WheelResult(5, 6))).Reason);
        Assert.Equal(RoundPhase.Settled, (await _world.SnapshotAsync(T)).Phase);
    }

    [Fact]
    public async Task A_ninth_copy_of_a_card_is_refused_and_flags_the_shoe()
    {
        await _world.ConfigureAsync(T, Baccarat() with { Decks = 1 });
        await BindAsync();
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.ShoeChange());
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn("AD"));
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Burn("KD"));
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.OpenRound());
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CloseBets());
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned("KH"));
        var second = await ActAsync<TableReply.CommandRejected>(new DealerAction.CardScanned("KD")); // one deck: KD was burned
        Assert.Equal(TableRejection.ImpossibleCard, second.Reason);
        Assert.True((await _world.SnapshotAsync(T)).ShoeNeedsChange);

        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Void("foreign card in the shoe"));
        Assert.Equal(TableRejection.ShoeFinished, (await ActAsync<TableReply.CommandRejected>(new DealerAction.OpenRound())).Reason);
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.ShoeChange());
    }

    [Fact]
    public async Task A_mis_scanned_card_is_re_scanned_by_the_shift_manager_before_the_result()
    {
        await BindAsync();
        await _world.NewShoeAsync(T);
        var round = (await ActAsync<TableReply.CommandAccepted>(new DealerAction.OpenRound())).RoundNo;
        await _world.BetAsync(T, round, "p1", "b", Line("banker", 1_000)).Expect<TableReply.BetAccepted>();
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CloseBets());
        foreach (var card in new[] { "2H", "3C", "4D" })
        {
            await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned(card));
        }

        // The scanner read 3C, the video shows 6C: B would be 6+x. Re-scan keeps the deal valid.
        Assert.Equal(TableRejection.UnknownPosition, (await ActAsync<TableReply.CommandRejected>(new DealerAction.Rescan(9, "6C", "mis-scan"))).Reason);
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.Rescan(2, "6C", "mis-scan seen on video"));
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CardScanned("TS")); // P 6 stands, B 6 stands: tie
        var snapshot = await _world.SnapshotAsync(T);
        Assert.Equal(("tie", "6C"), (snapshot.Result!.Winner, snapshot.Result.Cards![1].Card));
        await _world.DeliverAllAsync(T);
        Assert.Equal(100_000, (await _world.BalanceAsync("p1")).Posted); // banker pushes on a tie
    }

    [Fact]
    public async Task A_console_that_restarted_answers_readings_unavailable_until_its_session_attaches_it_again()
    {
        await BindAsync();
        await _world.NewShoeAsync(T);
        var round = (await ActAsync<TableReply.CommandAccepted>(new DealerAction.OpenRound())).RoundNo;
        await ActAsync<TableReply.CommandAccepted>(new DealerAction.CloseBets());

        // The console entity stops as a crash or a move would: it forgets its studio, screen and table.
        _consoles.Region.StopEntity("console-1");
        var reading = new SensorReading(1, _world.Time.GetUtcNow(), SensorReading.Shoe, SensorKind.Card, "2H", null, null);
        // A reading that reached the entity's mailbox behind the stop is lost as in a crash (the
        // console sends it again on no answer), so each try waits briefly and a silence counts as not yet.
        await Eventually.TrueAsync(async () => await TryReadAsync(reading) == ReadingAck.Unavailable, "a reading answered unavailable (sent again later, never dropped)", TableWorld.Patience);
        Assert.Empty((await _world.SnapshotAsync(T)).Cards);

        // The session's refresh attaches and binds it again; the same reading is then taken, once.
        _consoles.Connect("console-1", TableWorld.Studio, _screen.Ref);
        await BindAsync();
        Assert.Equal(ReadingAck.Accepted, await ReadAsync(reading));
        Assert.Equal(ReadingAck.Accepted, await ReadAsync(reading));
        Assert.Equal(["2H"], (await _world.SnapshotAsync(T)).Cards.Select(c => c.Card));
        Assert.Equal(round, (await _world.SnapshotAsync(T)).RoundNo);
    }

    private async Task<ReadingAck?> TryReadAsync(SensorReading reading)
    {
        try
        {
            return (await _consoles.Region.Ask<ReadingAnswered>(new ShardingEnvelope("console-1", new ConsoleCommand.Reading(reading, _world.Time.GetUtcNow())), TimeSpan.FromSeconds(1))).Ack;
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private async Task<ReadingAck> ReadAsync(SensorReading reading) =>
        (await _consoles.Region.Ask<ReadingAnswered>(new ShardingEnvelope("console-1", new ConsoleCommand.Reading(reading, _world.Time.GetUtcNow())), TableWorld.Patience)).Ack;

    /// <summary>The first screen event that matches, keeping every other one for later checks (events may interleave with answers).</summary>
    private async Task<T> SeenAsync<T>(Func<T, bool> match, string what)
        where T : ConsoleEvent
    {
        while (true)
        {
            if (_seen.OfType<T>().FirstOrDefault(match) is { } found)
            {
                _seen.Remove(found);
                return found;
            }

            _seen.Add(await _screen.ExpectMsgAsync<ConsoleEvent>(TableWorld.Patience, what));
        }
    }

    private async Task BindAsync()
    {
        _consoles.Tell("console-1", new ConsoleCommand.Bind(T));
        var bound = await SeenAsync<ConsoleEvent.Bound>(_ => true, "bound to " + T);
        Assert.Equal(T, bound.TableId);
    }

    private async Task<TReply> ActAsync<TReply>(DealerAction action)
        where TReply : TableReply
    {
        var seq = ++_seq;
        _consoles.Tell("console-1", new ConsoleCommand.Act(seq, action, _world.Time.GetUtcNow()));
        var answer = await SeenAsync<ConsoleEvent.Answered>(a => a.Sequence == seq, $"the answer to {action}");
        return answer.Reply as TReply ?? throw new ProbeException($"{action}: expected {typeof(TReply).Name}, got {answer.Reply}");
    }
}
