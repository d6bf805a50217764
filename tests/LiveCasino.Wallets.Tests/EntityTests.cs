using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

/// <summary>
/// The wallet as an Akka.NET entity, asked once (no retry to hide a lost message): the answer leaves
/// only once its event is stored, a command that first releases expired reservations is still
/// answered, and snapshots are counted from the last one across passivations.
/// </summary>
public sealed class EntityTests : WalletTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    /// <summary>One try through the region: a lost command or reply fails the test instead of being sent again.</summary>
    private Task<WalletReply> Once(WalletCommand command) =>
        Host.Wallets.Region.Ask<WalletReply>(new ShardingEnvelope(Player, command), WalletHost.Patience);

    [Fact]
    public async Task No_answer_leaves_before_its_event_is_stored()
    {
        await FundAsync(1_000);
        var arrived = Host.Journal.HoldWrites();
        var reply = Once(new ReserveBet("bet-1", Eur(100), In(Ttl), "t"));
        await arrived.WaitAsync(WalletHost.Patience); // the reservation's write is at the journal, held
        Assert.False(reply.IsCompleted, "answered before the event was stored");

        Host.Journal.ReleaseWrites();
        Assert.Equal(900, Accepted(await reply).Balance.Available);
    }

    [Fact]
    public async Task A_command_that_first_releases_expired_reservations_is_answered_on_its_first_try()
    {
        await FundAsync(1_000);
        Accepted(await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t")));
        await Host.PassivateAsync(Player); // no timer runs while the wallet is passivated
        Host.Time.Advance(Ttl + TimeSpan.FromSeconds(1));

        // The command wakes the wallet, which releases the expired stake first, then answers it.
        var balance = Accepted(await Once(new GetBalance("after-expiry")));
        Assert.Equal((0L, 1_000L), (balance.Balance.DebitsPending, balance.Balance.Available));
        Rejected(await Once(new SettleBet("s1", "bet-1", Eur(0))), WalletRejection.Expired);
    }

    [Fact]
    public async Task Snapshots_are_counted_from_the_last_one_across_passivations()
    {
        await OpenAsync(); // event 1; the test host snapshots every 5 events
        Accepted(await Send(new AdjustBalance("a1", Eur(10), "test", "ops")));
        Accepted(await Send(new AdjustBalance("a2", Eur(10), "test", "ops")));
        await Host.PassivateAsync(Player);
        Accepted(await Send(new AdjustBalance("a3", Eur(10), "test", "ops")));
        Accepted(await Send(new AdjustBalance("a4", Eur(10), "test", "ops"))); // event 5

        // The snapshot is saved beside the reply, not before it: wait for it on real time.
        var id = WalletDirectory.PersistenceIdOf(Player);
        var deadline = TimeProvider.System.GetTimestamp() + (long)(WalletHost.Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        SelectedSnapshot? snapshot;
        while ((snapshot = await Host.Snapshots.LoadAsync(id, SnapshotCriteria.Latest, CancellationToken.None)) is null && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(5, snapshot?.Metadata.SequenceNr);
    }
}
