using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Persistence.Serialization;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Tests;

/// <summary>
/// Every message of the wallet region crosses Akka's serialization as between two nodes: bound to
/// LiveCasino's serializer by <see cref="WalletSerialization.EngineHocon"/>, under a stable wallet
/// manifest, and read back equal. The list of samples covers every concrete message type.
/// </summary>
public sealed class MessageSerializationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Money Stake = new(250, "EUR");
    private ActorSystem _system = null!;

    public static TheoryData<IWalletMessage> Messages() =>
    [
        new OpenWallet("o", "EUR"),
        new BeginDeposit("d", Stake, "card"),
        new ConfirmDeposit("dc", "d", "psp-1"),
        new FailDeposit("df", "d", "declined"),
        new RequestWithdrawal("w", Stake, "bank"),
        new ConfirmWithdrawal("wc", "w", "bank-1"),
        new RefuseWithdrawal("wr", "w", "iban"),
        new ReserveBet("b", Stake, At.AddMinutes(5), "table-1/round-7/bet-3"),
        new SettleBet("s", "b", new Money(500, "EUR")),
        new VoidBet("v", "b", "round voided"),
        new AdjustBalance("a", new Money(-20, "EUR"), "re-settle", "ops:ann"),
        new SetLimits("l", 1_000, null),
        new SelfExclude("x", At.AddDays(30)),
        new GetBalance("g"),
        new InspectWallet("i"),
        new WalletAccepted("b", new WalletBalance("EUR", 1_000, 0, 0, 250)),
        new WalletRejected("b", WalletRejection.InsufficientFunds, "available 0", WalletBalance.Empty("EUR")),
        new WalletInspected("i", new WalletBalance("EUR", 1_000, 10, 5, 250), "digest", 42),
    ];

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("wallet-messages", HoconFiles.Load(HoconFiles.LocalFiles).Overrides(WalletSerialization.EngineHocon));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_region_message_round_trips_through_LiveCasinos_serializer_under_a_wallet_manifest(IWalletMessage message)
    {
        var serialization = _system.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<LiveCasinoSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        Assert.StartsWith("wallet.", manifest, StringComparison.Ordinal);
        var back = serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
        Assert.Equal(message, back);
    }

    [Fact]
    public void The_samples_cover_every_message_type_of_the_region()
    {
        var sampled = ((IEnumerable<object[]>)Messages()).Select(row => row[0].GetType()).ToHashSet();
        var all = typeof(IWalletMessage).Assembly.GetTypes()
            .Where(t => typeof(IWalletMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t != typeof(ExpireDue));
        Assert.DoesNotContain(all, t => !sampled.Contains(t));
    }
}
