using LiveCasino.Stores.Journal;
using Akka.Actor;
using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.ReadSide;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>
/// One model-based run: a seeded random sequence of every operation, with exact retries, conflicting
/// ids, invalid input, clock moves (expiries, UTC day changes), passivations, journal write failures
/// and node restarts in between, each reply checked against <see cref="ReferenceWallet"/>. Replay is
/// checked by comparing the wallet's whole-state digest before and after every restart, and at the
/// end with a replay of its journal; the read side is checked against the model too.
/// </summary>
public sealed class ModelRun(WalletHost host, int seed, WalletBounds bounds)
{
    private readonly Random _rng = new(seed);
    private readonly ReferenceWallet _model = new(bounds.ReservationTtlMax, bounds.PendingTransfersMax);
    private readonly List<WalletCommand> _sent = [];
    private readonly List<string> _voidedUnseen = [];
    private readonly string _player = "model-" + seed;
    private int _step;
    private int _ids;

    /// <summary>How often each step was taken.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each reply came (Accepted or a rejection reason).</summary>
    public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public int ExpiredReservations { get; private set; }

    /// <summary>Wall-clock milliseconds spent in each step kind (where a run's time goes).</summary>
    public Dictionary<string, long> Millis { get; } = new(StringComparer.Ordinal);

    private DateTimeOffset Now => host.Time.GetUtcNow();

    private static Money Eur(long minor) => new(minor, "EUR");

    public async Task RunAsync(int steps)
    {
        await SendAsync(new OpenWallet("open", "EUR"));
        await SendAsync(new BeginDeposit("seed-deposit", Eur(5_000), "card"));
        await SendAsync(new ConfirmDeposit("seed-deposit-ok", "seed-deposit", "psp-0"));
        for (_step = 1; _step <= steps; _step++)
        {
            await OneStepAsync();
        }

        await FinalChecksAsync();
    }

    private async Task OneStepAsync()
    {
        var roll = _rng.Next(1000);
        var action = roll switch
        {
            < 180 => "reserve",
            < 290 => "settle",
            < 340 => "void",
            < 400 => "deposit",
            < 450 => "confirm-deposit",
            < 470 => "fail-deposit",
            < 510 => "withdraw",
            < 540 => "confirm-withdrawal",
            < 560 => "refuse-withdrawal",
            < 590 => "adjust",
            < 600 => "limits",
            < 605 => "self-exclude",
            < 630 => "balance",
            < 730 => "retry",
            < 760 => "conflict",
            < 780 => "invalid",
            < 850 => "advance",
            < 880 => "passivate",
            < 910 => "crash",
            < 920 => "restart",
            < 935 => "project",
            _ => "reserve",
        };
        Counts[action] = Counts.GetValueOrDefault(action) + 1;
        var started = TimeProvider.System.GetTimestamp();
        await StepAsync(action);
        Millis[action] = Millis.GetValueOrDefault(action) + (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
    }

    private async Task StepAsync(string action)
    {
        switch (action)
        {
            case "retry" when _sent.Count > 0:
                await SendAsync(_sent[_rng.Next(_sent.Count)]);
                break;
            case "conflict":
                var known = _model.SeenIds.ToList();
                await SendAsync(new AdjustBalance(known[_rng.Next(known.Count)], Eur(1 + _rng.Next(3)), "reuse of an id", "model-test"));
                break;
            case "advance":
                Advance();
                await SendAsync(new GetBalance("after-advance"));
                break;
            case "passivate":
                await RestartAndCompareAsync(() => host.PassivateAsync(_player), "passivation");
                break;
            case "restart":
                await RestartAndCompareAsync(host.RestartNodeAsync, "node restart");
                break;
            case "crash":
                var fresh = NewOperation(_rng.Next(2) == 0 ? "reserve" : "deposit");
                while (_model.Knows(fresh.OperationId))
                {
                    fresh = NewOperation("reserve"); // a retry would be answered from memory, without a write to fail
                }

                await CrashAsync(fresh);
                break;
            case "project":
                await CheckReadSideAsync();
                break;
            default:
                await SendAsync(NewOperation(action));
                break;
        }
    }

    private WalletCommand NewOperation(string action)
    {
        var id = "op-" + ++_ids;
        switch (action)
        {
            case "reserve":
                if (_voidedUnseen.Count > 0 && _rng.Next(4) == 0)
                {
                    id = _voidedUnseen[_rng.Next(_voidedUnseen.Count)]; // the late reservation after its void
                }

                var ttl = TimeSpan.FromSeconds(30 + _rng.Next(60 * 20));
                return new ReserveBet(id, Eur(1 + _rng.Next(900)), Now + ttl, "table-1/round-" + _step);
            case "settle":
                var stake = 1 + _rng.Next(400);
                long[] payouts = [0, 0, 0, stake, 2 * stake, 11 * stake];
                return new SettleBet(id, Pick('B'), Eur(payouts[_rng.Next(payouts.Length)]));
            case "void":
                if (_rng.Next(3) == 0)
                {
                    var unseen = "unseen-" + _ids;
                    _voidedUnseen.Add(unseen);
                    return new VoidBet(id, unseen, "table timed out");
                }

                return new VoidBet(id, Pick('B'), "round voided");
            case "deposit":
                return new BeginDeposit(id, Eur(1 + _rng.Next(2_000)), "card");
            case "confirm-deposit":
                return new ConfirmDeposit(id, Pick('D'), "psp-" + id);
            case "fail-deposit":
                return new FailDeposit(id, Pick('D'), "declined");
            case "withdraw":
                return new RequestWithdrawal(id, Eur(1 + _rng.Next(3_000)), "bank");
            case "confirm-withdrawal":
                return new ConfirmWithdrawal(id, Pick('W'), "bank-" + id);
            case "refuse-withdrawal":
                return new RefuseWithdrawal(id, Pick('W'), "refused");
            case "adjust":
                return new AdjustBalance(id, Eur((_rng.Next(2) == 0 ? -1 : 1) * (1 + _rng.Next(500))), "correction", "ops:model");
            case "limits":
                long?[] deposits = [null, 1_000, 5_000];
                long?[] losses = [null, 500, 3_000];
                return new SetLimits(id, deposits[_rng.Next(3)], losses[_rng.Next(3)]);
            case "self-exclude":
                return new SelfExclude(id, Now + TimeSpan.FromMinutes(10 + _rng.Next(110)));
            case "balance":
                return new GetBalance(id);
            case "invalid":
                return _rng.Next(3) switch
                {
                    0 => new BeginDeposit(id, new Money(100, "USD"), "card"),
                    1 => new ReserveBet(id, Eur(0), Now + TimeSpan.FromMinutes(1), "t"),
                    _ => new ReserveBet(id, Eur(10), Now + TimeSpan.FromHours(3), "t"),
                };
            default:
                return new GetBalance(id);
        }
    }

    /// <summary>A transfer id of the kind, mostly an open one, sometimes a resolved one or one never seen.</summary>
    private string Pick(char kind)
    {
        var open = _model.TransferIds(kind, pendingOnly: true).ToList();
        var any = _model.TransferIds(kind, pendingOnly: false).ToList();
        var r = _rng.Next(10);
        return r < 7 && open.Count > 0 ? open[_rng.Next(open.Count)]
            : r < 9 && any.Count > 0 ? any[_rng.Next(any.Count)]
            : "never-" + _rng.Next(1_000);
    }

    private void Advance()
    {
        if (_rng.Next(20) == 0)
        {
            var midnight = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            host.Time.Advance(midnight - Now + TimeSpan.FromSeconds(_rng.Next(120)));
            return;
        }

        host.Time.Advance(TimeSpan.FromSeconds(5 + _rng.Next(12 * 60)));
    }

    private async Task<WalletReply> SendAsync(WalletCommand command)
    {
        var expected = _model.Handle(command, Now);
        var reply = await host.AskAsync(_player, command);
        Assert.True(expected.Matches(reply), $"seed {seed} step {_step}: {Describe(command)}\n expected {expected}\n got      {reply}");
        Assert.True(reply.Balance.Available >= 0, $"seed {seed} step {_step}: negative available balance in {reply}");
        var outcome = reply is WalletRejected rejected ? rejected.Reason.ToString() : "Accepted";
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        _sent.Add(command);
        return reply;
    }

    /// <summary>
    /// The journal fails the next write: the command is not answered, the wallet stops, the next
    /// command starts it again from the journal, and the model says nothing happened.
    /// </summary>
    private async Task CrashAsync(WalletCommand command)
    {
        var entity = await host.EntityAsync(_player);
        var stopped = entity.WatchAsync();
        host.Journal.FailNextWrites(1);
        var unanswered = host.Wallets.Region.Ask<WalletReply>(new Akka.Cluster.Sharding.ShardingEnvelope(_player, command), WalletHost.Patience);
        await stopped.WaitAsync(WalletHost.Patience); // a failed write stops the wallet
        var first = await host.AskAsync(_player, new GetBalance("after-crash"));
        var expected = _model.Handle(new GetBalance("after-crash"), Now);
        Assert.True(expected.Matches(first), $"seed {seed} step {_step}: after a failed write of {Describe(command)}\n expected {expected}\n got      {first}");
        Assert.False(unanswered.IsCompleted, $"seed {seed} step {_step}: a failed write was answered");
        _sent.Add(command); // a later "retry" step may send it again; the model takes it as new
    }


    private async Task RestartAndCompareAsync(Func<Task> restart, string what)
    {
        var before = await host.InspectAsync(_player);
        await restart();
        var after = await host.InspectAsync(_player);
        Assert.True(before.Digest == after.Digest, $"seed {seed} step {_step}: state after {what} differs from before\n before {before.Digest}\n after  {after.Digest}");
        Assert.Equal(before.SequenceNr, after.SequenceNr);
    }

    private async Task<WalletLedgerProjection> CheckReadSideAsync()
    {
        var projection = new WalletLedgerProjection();
        await projection.CatchUpAsync(host.InnerJournal);
        Assert.True(projection.AnomalyCount == 0, $"seed {seed}: read side anomalies: {string.Join("; ", projection.Anomalies)}");
        var trial = projection.TrialBalance();
        Assert.True(trial.IsBalanced, $"seed {seed}: trial balance does not sum to zero: {trial}");
        await SendAsync(new GetBalance("projection-check")); // the wallet releases due expiries first
        await projection.CatchUpAsync(host.InnerJournal);
        Assert.Equal(_model.Balance, projection.BalanceOf(_player));
        var player = projection.TrialBalance()[Ledger.AccountKind.Player];
        Assert.Equal((_model.CreditsPosted, _model.DebitsPosted, _model.CreditsPending, _model.DebitsPending), (player.CreditsPosted, player.DebitsPosted, player.CreditsPending, player.DebitsPending));
        return projection;
    }

    private async Task FinalChecksAsync()
    {
        var live = await host.InspectAsync(_player);
        Assert.Equal(_model.Balance, live.Balance);
        var projection = await CheckReadSideAsync();
        var history = projection.History(_player, 10);
        Assert.Equal(_model.Balance.Posted, history.Items[0].PostedAfter);
        Assert.Equal(_model.Balance.Available, history.Items[0].AvailableAfter);

        // One effect per id, contiguous sequence numbers, and a replay of the journal gives exactly the live state.
        var events = host.InnerJournal.ReplayAsync(WalletDirectory.PersistenceIdOf(_player), 1, long.MaxValue, long.MaxValue, CancellationToken.None).ToBlockingEnumerable().ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.SequenceNr));
        ExpiredReservations = events.Count(e => e.Payload is BetReservationExpired);
        var ids = events.Select(e => OperationIdOf((WalletEvent)e.Payload)).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var replayed = new WalletState(bounds);
        foreach (var e in events)
        {
            replayed.Apply((WalletEvent)e.Payload);
        }

        Assert.Equal(live.Digest, replayed.Digest());
    }

    private static string? OperationIdOf(WalletEvent e) =>
        e.GetType().GetProperty("OperationId")?.GetValue(e) as string;

    private static string Describe(WalletCommand c) => c.ToString();
}
