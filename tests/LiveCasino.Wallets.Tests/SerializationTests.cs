using System.Text;
using LiveCasino.Stores.Serialization;
using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Tests;

public sealed class SerializationTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 30, 0, TimeSpan.Zero);

    public static TheoryData<WalletEvent> Events() =>
    [
        new WalletOpened("o", 1, "EUR", At),
        new DepositBegun("d", 2, 500, "card", At),
        new DepositConfirmed("dc", 3, "d", 500, "psp-1", At),
        new DepositFailed("df", 4, "d", 500, "declined", At),
        new WithdrawalRequested("w", 5, 100, "bank", At),
        new WithdrawalConfirmed("wc", 6, "w", 100, "bank-1", At),
        new WithdrawalRefused("wr", 7, "w", 100, "iban", At),
        new BetReserved("b", 8, 50, At.AddMinutes(5), "t1/r2/b3", At),
        new BetSettled("s", 9, "b", 50, 100, At),
        new BetVoided("v", 10, "b", 50, "void", At),
        new VoidRecorded("v2", 11, "b", "again", At),
        new ReservationTombstoned("v3", 12, "b9", "timeout", At),
        new BetReservationExpired("b", 50, At),
        new BalanceAdjusted("a", 13, -20, "re-settle", "ops:ann", At),
        new LimitsSet("l", 14, 1_000, null, At),
        new SelfExclusionSet("x", 15, At.AddDays(30), At),
        new OperationRejected("r", 16, OperationKind.ReserveBet, WalletRejection.InsufficientFunds, "available 0", At),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_round_trips_under_a_stable_wallet_manifest(WalletEvent e)
    {
        var serializer = new EventSerializer().RegisterWalletTypes();
        var payload = serializer.Serialize(e);
        Assert.Matches("^wallet\\.[a-z-]+\\.v1$", payload.Manifest);
        Assert.Equal(e, serializer.Deserialize(payload.Manifest, payload.Bytes.Span));
    }

    [Fact]
    public void Enums_are_stored_by_name_so_renumbering_can_not_corrupt_old_journals()
    {
        var serializer = new EventSerializer().RegisterWalletTypes();
        var json = Encoding.UTF8.GetString(serializer.Serialize(new OperationRejected("r", 1, OperationKind.SettleBet, WalletRejection.Expired, "x", At)).Bytes.Span);
        Assert.Contains("\"SettleBet\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Expired\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_round_trips_to_the_same_state()
    {
        var state = new WalletState(WalletBounds.Default);
        state.Apply(new WalletOpened("o", 1, "EUR", At));
        state.Apply(new DepositBegun("d", 2, 500, "card", At));
        state.Apply(new DepositConfirmed("dc", 3, "d", 500, "psp-1", At));
        state.Apply(new BetReserved("b", 8, 50, At.AddMinutes(5), "t", At));
        state.Apply(new ReservationTombstoned("v3", 12, "b9", "timeout", At));
        state.Apply(new LimitsSet("l", 14, 1_000, 700, At));

        var serializer = new EventSerializer().RegisterWalletTypes();
        var payload = serializer.Serialize(state.ToSnapshot());
        var restored = new WalletState(WalletBounds.Default);
        restored.Restore((WalletSnapshot)serializer.Deserialize(payload.Manifest, payload.Bytes.Span));
        Assert.Equal(state.Digest(), restored.Digest());
        Assert.Equal(450, restored.Ledger.Available);
        Assert.Equal(50, restored.PendingStakes);
    }
}
