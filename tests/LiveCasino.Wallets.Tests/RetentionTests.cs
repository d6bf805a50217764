using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

/// <summary>The idempotency table and tombstones are bounded; these tests pin down what is kept and for how long.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly WalletBounds Small = new()
    {
        IdempotencyWindow = TimeSpan.FromHours(1),
        ReservationTtlMax = TimeSpan.FromMinutes(10),
        OperationRecordsMax = 5,
        TombstonesMax = 3,
    };

    private static Money Eur(long minor) => new(minor, "EUR");

    private static PureWallet Funded(long minor)
    {
        var w = new PureWallet(Small, Start);
        w.Run(new OpenWallet("open", "EUR"));
        w.Run(new AdjustBalance("fund", Eur(minor), "test funds", "test"));
        return w;
    }

    [Fact]
    public void A_final_operation_is_remembered_for_the_window_then_its_id_is_new_again()
    {
        var w = Funded(1_000);
        var first = w.Run(new AdjustBalance("a1", Eur(10), "x", "ops"));
        w.Now += TimeSpan.FromMinutes(59);
        Assert.Equal(first, w.Run(new AdjustBalance("a1", Eur(10), "x", "ops")));
        w.Now += TimeSpan.FromMinutes(2);
        w.Run(new GetBalance("tick"));
        w.Run(new AdjustBalance("other", Eur(1), "x", "ops")); // an event at the new time evicts
        Assert.False(w.State.Operations.TryGet("a1", out _));
        Assert.IsType<WalletAccepted>(w.Run(new AdjustBalance("a1", Eur(10), "x", "ops")));
        Assert.Equal(1_021, w.State.Ledger.Available); // documented: past the window a retry is a new operation
    }

    [Fact]
    public void Beyond_the_maximum_the_oldest_final_records_go_first_but_open_transfers_stay()
    {
        var w = Funded(1_000);
        w.Run(new BeginDeposit("open-deposit", Eur(5), "card"));
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            w.Run(new AdjustBalance("a" + n, Eur(1), "x", "ops"));
        }

        Assert.Equal(5, w.State.Operations.Count);
        Assert.True(w.State.Operations.TryGet("open-deposit", out _)); // pinned
        Assert.True(w.State.Operations.TryGet("a9", out _));
        Assert.False(w.State.Operations.TryGet("a5", out _));
        Assert.IsType<WalletAccepted>(w.Run(new ConfirmDeposit("ok", "open-deposit", "psp")));
        Assert.Equal(1_015, w.State.Ledger.Available);
    }

    [Fact]
    public void An_open_transfer_outlives_the_window_and_is_remembered_for_a_window_after_it_resolves()
    {
        var w = Funded(1_000);
        w.Run(new RequestWithdrawal("w1", Eur(100), "bank"));
        w.Now += TimeSpan.FromHours(5);
        w.Run(new AdjustBalance("later", Eur(1), "x", "ops"));
        Assert.IsType<WalletAccepted>(w.Run(new ConfirmWithdrawal("w1-paid", "w1", "bank-1")));
        w.Now += TimeSpan.FromMinutes(30);
        w.Run(new AdjustBalance("later-2", Eur(1), "x", "ops"));
        var again = Assert.IsType<WalletRejected>(w.Run(new ConfirmWithdrawal("w1-paid-2", "w1", "bank-1")));
        Assert.Equal(WalletRejection.AlreadySettled, again.Reason);
    }

    [Fact]
    public void Tombstones_are_bounded_and_a_late_reservation_after_they_go_has_expired_anyway()
    {
        var w = Funded(1_000);
        var sent = w.Now;
        w.Run(new VoidBet("v1", "late-bet", "timeout"));
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            w.Run(new VoidBet("vv" + n, "other-" + n, "timeout"));
        }

        Assert.Equal(3, w.State.Tombstones.Count);
        Assert.False(w.State.Tombstones.Contains("late-bet"));
        w.Now += TimeSpan.FromHours(2);
        var late = Assert.IsType<WalletRejected>(w.Run(new ReserveBet("late-bet", Eur(10), sent + TimeSpan.FromMinutes(5), "t")));
        Assert.Equal(WalletRejection.Invalid, late.Reason); // its expiry has passed
    }

    [Fact]
    public void Bounds_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalletState(new WalletBounds { ReservationTtlMax = TimeSpan.FromDays(3) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalletState(new WalletBounds { OperationRecordsMax = 0 }));
    }
}
