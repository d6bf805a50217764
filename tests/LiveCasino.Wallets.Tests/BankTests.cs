using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Stores.Query;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.ReadSide;
using LiveCasino.Wallets.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Wallets.Tests;

/// <summary>
/// Jepsen's bank test on wallets. Concurrent clients move money between players with an honest
/// three-step transfer: reserve the amount on the payer (it can not go negative), settle it to
/// the house, then credit the payee by an operator adjustment. Meanwhile wallets are passivated at
/// random, journal writes fail at random (the client then times out and retries with the same ids),
/// and some commands are sent twice at once. A reader follows the journal and, at every event (each
/// prefix of the journal is a consistent cut), checks that money is conserved: the players' posted
/// total plus the money in flight (debited, not yet credited) equals what was deposited, in flight
/// is never negative nor more than the clients can carry, the house and adjustment accounts hold
/// exactly the transfers' two legs, and no player is overdrawn.
/// </summary>
public sealed class BankTests(ITestOutputHelper output)
{
    private const int Players = 8;
    private const long Funding = 10_000;
    private const long AmountMax = 3_000;

    [Fact]
    public async Task Concurrent_transfers_with_crashes_and_retries_conserve_money_at_every_read_in_memory()
    {
        await using var host = await WalletHost.InMemoryAsync(new WalletOptions { IdleTimeout = null });
        await RunAsync(host, clients: 12, transfersPerClient: 60);
    }

    [Fact]
    public async Task Concurrent_transfers_with_crashes_and_retries_conserve_money_at_every_read_on_sqlite()
    {
        await using var host = await WalletHost.SqliteAsync(new WalletOptions { IdleTimeout = null });
        await RunAsync(host, clients: 8, transfersPerClient: 20);
    }

    private async Task RunAsync(WalletHost host, int clients, int transfersPerClient)
    {
        for (var p = 0; p < Players; p++)
        {
            var player = "bank-" + p;
            await host.AskAsync(player, new OpenWallet("open", "EUR"));
            await host.AskAsync(player, new BeginDeposit("fund", new Money(Funding, "EUR"), "card"));
            Assert.IsType<WalletAccepted>(await host.AskAsync(player, new ConfirmDeposit("fund-ok", "fund", "psp")));
        }

        using var done = new CancellationTokenSource();
        var reader = new ConservationReader(clients * AmountMax);
        var readerTask = Task.Run(() => reader.RunAsync(host, done.Token));
        var chaos = Task.Run(() => ChaosAsync(host, done.Token));
        var stats = new ClientStats();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(host, c, transfersPerClient, stats))).ToList();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));
        await done.CancelAsync();
        await chaos;
        await readerTask;

        await reader.CatchUpAndCheckAsync(host); // the final cut
        Assert.Equal(0, reader.InFlight);
        Assert.Equal(Players * Funding, reader.PlayersPosted);
        Assert.Equal(stats.Completed, reader.Credited.Count);
        long total = 0;
        for (var p = 0; p < Players; p++)
        {
            var balance = (await host.AskAsync("bank-" + p, new GetBalance("final"))).Balance;
            Assert.Equal(balance, reader.Projection.BalanceOf("bank-" + p));
            Assert.Equal(0, balance.DebitsPending);
            total += balance.Posted;
        }

        Assert.Equal(Players * Funding, total);
        output.WriteLine($"transfers completed {stats.Completed}, refused for funds {stats.Refused}, client retries {stats.Retries}, duplicate sends {stats.Duplicates}, cuts checked {reader.Cuts}, max in flight {reader.MaxInFlight}");
        Assert.True(stats.Completed > 0 && reader.Cuts > stats.Completed, "the run moved money and the reader checked it");
    }

    private static async Task ClientAsync(WalletHost host, int client, int transfers, ClientStats stats)
    {
        var rng = new Random(client);
        for (var n = 0; n < transfers; n++)
        {
            var from = "bank-" + rng.Next(Players);
            var to = "bank-" + ((int.Parse(from[5..], System.Globalization.CultureInfo.InvariantCulture) + 1 + rng.Next(Players - 1)) % Players);
            var amount = new Money(1 + rng.Next((int)AmountMax), "EUR");
            var tid = $"c{client}-t{n}";
            var hold = await CallAsync(host, from, new ReserveBet(tid + "/hold", amount, host.Time.GetUtcNow() + TimeSpan.FromMinutes(30), $"transfer {tid} to {to}"), rng, stats);
            if (hold is WalletRejected { Reason: WalletRejection.InsufficientFunds })
            {
                Interlocked.Increment(ref stats.Refused);
                continue;
            }

            Assert.IsType<WalletAccepted>(hold);
            Assert.IsType<WalletAccepted>(await CallAsync(host, from, new SettleBet(tid + "/debit", tid + "/hold", new Money(0, "EUR")), rng, stats));
            Assert.IsType<WalletAccepted>(await CallAsync(host, to, new AdjustBalance(tid + "/credit", amount, $"transfer {tid} from {from}", "bank-test"), rng, stats));
            Interlocked.Increment(ref stats.Completed);
        }
    }

    /// <summary>Sends until answered; a timeout (a failed write answers nothing) is retried with the same id. Sometimes sends twice at once.</summary>
    private static async Task<WalletReply> CallAsync(WalletHost host, string player, WalletCommand command, Random rng, ClientStats stats)
    {
        for (var attempt = 1; attempt <= 100; attempt++)
        {
            if (rng.Next(25) == 0)
            {
                host.Journal.FailNextWrites(1); // some wallet's next write fails: its command is not answered, its client retries
            }

            var envelope = new ShardingEnvelope(player, command);
            var first = host.Wallets.Region.Ask<WalletReply>(envelope, WalletHost.Patience);
            Task<WalletReply>? second = null;
            if (rng.Next(6) == 0)
            {
                Interlocked.Increment(ref stats.Duplicates);
                second = host.Wallets.Region.Ask<WalletReply>(envelope, WalletHost.Patience);
            }

            try
            {
                var reply = await first.WaitAsync(TimeSpan.FromMilliseconds(250));
                if (second is not null && await Task.WhenAny(second, Task.Delay(250)) == second)
                {
                    Assert.Equal(reply, await second); // the duplicate gets exactly the same answer
                }

                return reply;
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref stats.Retries);
            }
        }

        throw new TimeoutException($"{command.OperationId} to {player} got no answer in 100 attempts");
    }

    private static async Task ChaosAsync(WalletHost host, CancellationToken stop)
    {
        var rng = new Random(99);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await host.PassivateAsync("bank-" + rng.Next(Players));
            }
            catch (Exception e) when (e is TimeoutException or AskTimeoutException or ActorNotFoundException)
            {
                // The wallet was stopping after a failed write, or busy: the next one.
            }

            await Task.Delay(3, CancellationToken.None);
        }
    }

    private sealed class ClientStats
    {
        public int Completed;
        public int Refused;
        public int Retries;
        public int Duplicates;
    }

    /// <summary>Follows the journal and checks conservation after every event.</summary>
    private sealed class ConservationReader(long inFlightMax)
    {
        private readonly Dictionary<string, long> _debited = new(StringComparer.Ordinal);

        public WalletLedgerProjection Projection { get; } = new();

        public Dictionary<string, long> Credited { get; } = new(StringComparer.Ordinal);

        public long InFlight { get; private set; }

        public long MaxInFlight { get; private set; }

        public long PlayersPosted { get; private set; }

        public int Cuts { get; private set; }

        public async Task RunAsync(WalletHost host, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                await CatchUpAndCheckAsync(host);
                await Task.Delay(1, CancellationToken.None);
            }
        }

        public async Task CatchUpAndCheckAsync(WalletHost host)
        {
            await foreach (var stored in EventsByTag.CurrentAsync(host.InnerJournal, WalletDirectory.Tag, Projection.Offset))
            {
                Projection.Apply(stored);
                switch (stored.Payload)
                {
                    case BetSettled s when s.ReservationId.EndsWith("/hold", StringComparison.Ordinal):
                        Assert.True(_debited.TryAdd(s.ReservationId[..^5], s.StakeMinor), $"transfer {s.ReservationId} debited twice");
                        InFlight += s.StakeMinor;
                        break;
                    case BalanceAdjusted a when a.OperationId.EndsWith("/credit", StringComparison.Ordinal):
                        var tid = a.OperationId[..^7];
                        Assert.True(_debited.TryGetValue(tid, out var debited) && debited == a.SignedAmountMinor, $"transfer {tid} credited {a.SignedAmountMinor} without a matching debit");
                        Assert.True(Credited.TryAdd(tid, a.SignedAmountMinor), $"transfer {tid} credited twice");
                        InFlight -= a.SignedAmountMinor;
                        break;
                }

                Check();
            }
        }

        private void Check()
        {
            Cuts++;
            Assert.True(Projection.AnomalyCount == 0, string.Join("; ", Projection.Anomalies));
            var trial = Projection.TrialBalance();
            Assert.True(trial.IsBalanced, $"trial balance off at offset {trial.Offset}");
            PlayersPosted = trial[AccountKind.Player].NetPostedCredit;
            var deposited = -trial[AccountKind.PaymentClearing].NetPostedCredit;
            Assert.True(PlayersPosted + InFlight == deposited, $"at offset {trial.Offset}: players {PlayersPosted} + in flight {InFlight} != deposited {deposited}");
            Assert.InRange(InFlight, 0, inFlightMax);
            Assert.Equal(_debited.Values.Sum(), trial[AccountKind.House].NetPostedCredit);
            Assert.Equal(-Credited.Values.Sum(), trial[AccountKind.Adjustments].NetPostedCredit);
            MaxInFlight = Math.Max(MaxInFlight, InFlight);
        }
    }
}
