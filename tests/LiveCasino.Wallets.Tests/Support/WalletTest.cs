using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>A wallet node on a fake clock per test (our journal plugin over the in-memory store), with short helpers for commands.</summary>
public abstract class WalletTest : IAsyncLifetime
{
    protected const string Player = "p1";
    protected const string Currency = "EUR";

    protected WalletHost Host { get; set; } = null!;

    protected DateTimeOffset Now => Host.Time.GetUtcNow();

    protected virtual Task<WalletHost> CreateHostAsync() => WalletHost.InMemoryAsync();

    public async Task InitializeAsync() => Host = await CreateHostAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected static Money Eur(long minor) => new(minor, Currency);

    protected Task<WalletReply> Send(WalletCommand command, string player = Player) =>
        Host.AskAsync(player, command);

    protected Task<WalletReply> OpenAsync(string player = Player) => Send(new OpenWallet("open-" + player, Currency), player);

    /// <summary>Opens the wallet and deposits <paramref name="minor"/> (begun and confirmed).</summary>
    protected async Task<WalletReply> FundAsync(long minor, string player = Player, string id = "fund")
    {
        await OpenAsync(player);
        Accepted(await Send(new BeginDeposit(id, Eur(minor), "card"), player));
        return Accepted(await Send(new ConfirmDeposit(id + "-ok", id, "psp-" + id), player));
    }

    protected async Task<WalletBalance> BalanceAsync(string player = Player) => Accepted(await Send(new GetBalance("read"), player)).Balance;

    protected static WalletAccepted Accepted(WalletReply reply) =>
        reply as WalletAccepted ?? throw new Xunit.Sdk.XunitException($"expected acceptance but got {reply}");

    protected static WalletRejected Rejected(WalletReply reply, WalletRejection reason)
    {
        var rejected = reply as WalletRejected ?? throw new Xunit.Sdk.XunitException($"expected {reason} but got {reply}");
        Assert.True(rejected.Reason == reason, $"expected {reason} but got {rejected.Reason} ({rejected.Detail})");
        return rejected;
    }

    protected DateTimeOffset In(TimeSpan t) => Now + t;
}
