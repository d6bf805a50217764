using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Records;
using LiveCasino.Tables.Tests.Support;
using Microsoft.Data.Sqlite;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>
/// The hash-chained round record on SQLite: every round readable by id with server and studio
/// times, and any alteration of the stored rows found by the verifier, which says where.
/// </summary>
public sealed class RecordChainTests : IAsyncLifetime
{
    private const string T = "table-1";
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.SqliteAsync();
        await _world.ConfigureAsync(T, Roulette());
        await _world.FundAsync("p1", 100_000);
        foreach (var number in new[] { 5, 17, 32 })
        {
            var round = await _world.OpenRoundAsync(T);
            await _world.BetAsync(T, round, "p1", "a", Line("straight:17", 1_000), Line("red", 500)).Expect<TableReply.BetAccepted>();
            await _world.CloseByTimeAsync(T);
            await _world.SpinAsync(T, round, number).Expect<TableReply.CommandAccepted>();
            await _world.DeliverAllAsync(T);
        }
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_untouched_chain_verifies_and_each_round_reads_back_with_both_clocks()
    {
        var report = await Verify();
        Assert.True(report.Intact, string.Join("; ", report.Breaks));
        Assert.Equal(3, report.RecordsChecked);

        var record = (await RoundRecords.ReadAsync(_world.TableStore, T, 2))!;
        Assert.True(record.Verified);
        Assert.Equal(
            [nameof(RoundOpened), nameof(BetsRequested), nameof(BetsAccepted), nameof(BettingClosed), nameof(DealingStarted), nameof(ResultConfirmed), nameof(RoundSettled)],
            record.Events.Select(e => e.Event.GetType().Name));
        Assert.All(record.Events, e => Assert.Equal(2, e.Event.RoundNo));
        var result = record.Events.Select(e => e.Event).OfType<ResultConfirmed>().Single();
        Assert.Equal((17, result.ServerAt.AddMilliseconds(-250)), (result.Result.Number!.Value, result.StudioAt)); // the dealer console's clock
        Assert.Equal(record.Seals[0].Seal.PreviousHash, (await RoundRecords.ReadAsync(_world.TableStore, T, 1))!.Seals[0].Seal.Hash);
        Assert.Null(await RoundRecords.ReadAsync(_world.TableStore, T, 9));
    }

    [Fact]
    public async Task Altering_a_payout_of_round_two_breaks_round_two_only()
    {
        var settled = (await RoundRecords.ReadAsync(_world.TableStore, T, 2))!.Events.Single(e => e.Event is RoundSettled);
        Rewrite(settled.SequenceNr, json => json.Replace("\"Returned\":36000", "\"Returned\":46000", StringComparison.Ordinal));

        var report = await Verify();
        var broken = Assert.Single(report.Breaks);
        Assert.Equal((ChainBreakKind.HashMismatch, 2L), (broken.Kind, broken.RoundNo));
        Assert.False((await RoundRecords.ReadAsync(_world.TableStore, T, 2))!.Verified);
        Assert.True((await RoundRecords.ReadAsync(_world.TableStore, T, 3))!.Verified);
    }

    [Fact]
    public async Task Altering_a_seal_breaks_it_and_the_link_from_the_next_record()
    {
        var seal = (await RoundRecords.SealsAsync(_world.TableStore, T))[0];
        Rewrite(seal.SealSequenceNr, json => json.Replace(seal.Seal.Hash, new string('f', 64), StringComparison.Ordinal));

        var report = await Verify();
        Assert.Equal([(ChainBreakKind.HashMismatch, 1L), (ChainBreakKind.BrokenLink, 2L)], report.Breaks.Select(b => (b.Kind, b.RoundNo)));
        Assert.Equal(seal.SealSequenceNr, report.FirstBreak!.SequenceNr);
    }

    [Fact]
    public async Task Garbage_in_a_stored_event_is_reported_as_unreadable_where_it_is()
    {
        var opened = (await RoundRecords.ReadAsync(_world.TableStore, T, 3))!.Events[0];
        Rewrite(opened.SequenceNr, _ => "{\"RoundNo\":");

        var report = await Verify();
        Assert.Equal(ChainBreakKind.UnreadableEvent, report.FirstBreak!.Kind);
        Assert.Equal(opened.SequenceNr, report.FirstBreak.SequenceNr);
        Assert.Contains(report.Breaks, b => b is { Kind: ChainBreakKind.HashMismatch, RoundNo: 3 });
    }

    [Fact]
    public async Task A_table_recovering_from_an_altered_journal_reports_its_chain_broken()
    {
        var settled = (await RoundRecords.ReadAsync(_world.TableStore, T, 1))!.Events.Single(e => e.Event is RoundSettled);
        Rewrite(settled.SequenceNr, json => json.Replace("\"TotalStake\":1500", "\"TotalStake\":1400", StringComparison.Ordinal));
        await _world.CrashTablesAsync();
        Assert.False((await _world.SnapshotAsync(T)).ChainIntact);
    }

    private Task<ChainReport> Verify() => RoundChainVerifier.VerifyAsync(_world.TableStore, T);

    private void Rewrite(long sequenceNr, Func<string, string> change)
    {
        using var connection = new SqliteConnection("Data Source=" + _world.TableDatabase);
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT e.ordering, e.payload FROM journal_events e JOIN journal_streams s ON s.stream_id = e.stream_id WHERE s.persistence_id = $pid AND e.sequence_nr = $seq";
        read.Parameters.AddWithValue("$pid", "table-" + T);
        read.Parameters.AddWithValue("$seq", sequenceNr);
        long ordering;
        string json;
        using (var reader = read.ExecuteReader())
        {
            Assert.True(reader.Read(), $"event {sequenceNr} is stored");
            ordering = reader.GetInt64(0);
            json = System.Text.Encoding.UTF8.GetString((byte[])reader.GetValue(1));
        }

        var altered = change(json);
        Assert.NotEqual(json, altered);
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE journal_events SET payload = $payload WHERE ordering = $ordering";
        write.Parameters.AddWithValue("$payload", System.Text.Encoding.UTF8.GetBytes(altered));
        write.Parameters.AddWithValue("$ordering", ordering);
        Assert.Equal(1, write.ExecuteNonQuery());
    }
}
