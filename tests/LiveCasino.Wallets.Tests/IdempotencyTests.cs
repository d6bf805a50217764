using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class IdempotencyTests : WalletTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_retry_gets_exactly_the_first_reply_and_moves_nothing()
    {
        await FundAsync(1_000);
        var expiry = In(Ttl);
        var first = await Send(new ReserveBet("bet-1", Eur(100), expiry, "t"));
        await Send(new SettleBet("s1", "bet-1", Eur(0)));
        var retry = await Send(new ReserveBet("bet-1", Eur(100), expiry, "t"));
        Assert.Equal(first, retry); // same balance too: the reply of the first time
        Assert.Equal(900, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task A_failure_stays_attached_to_its_id_even_after_money_arrives()
    {
        await FundAsync(50);
        var expiry = In(Ttl);
        var first = Rejected(await Send(new ReserveBet("bet-1", Eur(100), expiry, "t")), WalletRejection.InsufficientFunds);
        await FundAsync(1_000, id: "more");
        Assert.Equal(first, await Send(new ReserveBet("bet-1", Eur(100), expiry, "t")));
        Assert.Equal(1_050, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task The_same_id_with_other_content_is_a_conflict_and_changes_nothing()
    {
        await FundAsync(1_000);
        var expiry = In(Ttl);
        await Send(new ReserveBet("bet-1", Eur(100), expiry, "t"));
        Rejected(await Send(new ReserveBet("bet-1", Eur(101), expiry, "t")), WalletRejection.Conflict);
        Rejected(await Send(new ReserveBet("bet-1", Eur(100), expiry, "other ref")), WalletRejection.Conflict);
        Rejected(await Send(new BeginDeposit("bet-1", Eur(100), "card")), WalletRejection.Conflict);
        Assert.Equal(900, (await BalanceAsync()).Available);
        Accepted(await Send(new ReserveBet("bet-1", Eur(100), expiry, "t")));
    }

    [Fact]
    public async Task Replies_survive_passivation_a_node_restart_and_snapshots()
    {
        await FundAsync(1_000);
        var expiry = In(Ttl);
        var replies = new List<WalletReply>();
        for (var i = 0; i < 12; i++) // past two snapshots (every 5 events)
        {
            var n = i;
            replies.Add(await Send(new ReserveBet("bet-" + n, Eur(150), expiry, "t")));
        }

        await Host.PassivateAsync(Player);
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            Assert.Equal(replies[i], await Send(new ReserveBet("bet-" + n, Eur(150), expiry, "t")));
        }

        await Host.RestartNodeAsync();
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            Assert.Equal(replies[i], await Send(new ReserveBet("bet-" + n, Eur(150), expiry, "t")));
        }

        Assert.Equal(6, replies.Count(r => r is WalletAccepted));
        Assert.Equal(100, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task A_write_that_failed_answers_nothing_and_its_retry_takes_effect_once()
    {
        await FundAsync(1_000);
        var expiry = In(Ttl);
        var entity = await Host.EntityAsync(Player);
        var stopped = entity.WatchAsync();
        Host.Journal.FailNextWrites(1);
        var unanswered = Host.Wallets.Region.Ask<WalletReply>(new ShardingEnvelope(Player, new ReserveBet("bet-1", Eur(100), expiry, "t")), WalletHost.Patience);
        await stopped.WaitAsync(WalletHost.Patience); // a failed write stops the wallet

        var first = Accepted(await Send(new GetBalance("read-after-crash")));
        Assert.Equal(1_000L, first.Balance.Available);
        Assert.False(unanswered.IsCompleted, "the failed write was answered");

        var retry = Accepted(await Send(new ReserveBet("bet-1", Eur(100), expiry, "t")));
        Assert.Equal(900, retry.Balance.Available);
        Assert.Equal(900, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task Operation_ids_must_be_short_and_not_empty()
    {
        await FundAsync(1_000);
        Rejected(await Send(new ReserveBet("", Eur(1), In(Ttl), "t")), WalletRejection.Invalid);
        Rejected(await Send(new ReserveBet(new string('x', 201), Eur(1), In(Ttl), "t")), WalletRejection.Invalid);
    }
}
