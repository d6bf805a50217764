using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Tests.Support;

/// <summary>What tests do to a table world: fund players, configure and drive tables, read balances.</summary>
public static class WorldDriver
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(15);

    public static TableConfig Roulette(TableLimits? limits = null) =>
        new(TableWorld.Studio, GameKind.Roulette, TableWorld.Currency, Paytables.DefaultFor(GameKind.Roulette), limits ?? TableLimits.Default, Window, StreamDescriptor.None);

    public static TableConfig Baccarat(TableLimits? limits = null) =>
        new(TableWorld.Studio, GameKind.Baccarat, TableWorld.Currency, Paytables.DefaultFor(GameKind.Baccarat), limits ?? TableLimits.Default, Window, StreamDescriptor.None);

    public static TableConfig DragonTiger() =>
        new(TableWorld.Studio, GameKind.DragonTiger, TableWorld.Currency, Paytables.DefaultFor(GameKind.DragonTiger), TableLimits.Default, Window, StreamDescriptor.None);

    public static DealerStamp Dealer(this TableWorld world, string by = "studio-1/console-1") => new(by, world.Time.GetUtcNow().AddMilliseconds(-250));

    public static Task<TableReply> AskTable(this TableWorld world, string tableId, TableCommand command) =>
        world.AskTable<TableReply>(tableId, command);

    public static async Task<TReply> AskTable<TReply>(this TableWorld world, string tableId, TableCommand command)
        where TReply : notnull => await world.Tables.AskAsync<TReply>(tableId, command, TableWorld.Patience);

    public static async Task<T> Expect<T>(this Task<TableReply> reply)
        where T : TableReply
    {
        var r = await reply;
        return r as T ?? throw new ProbeException($"expected {typeof(T).Name}, got {r}");
    }

    public static Task<TableSnapshot> SnapshotAsync(this TableWorld world, string tableId) =>
        world.AskTable<TableSnapshot>(tableId, new TableCommand.GetSnapshot());

    public static Task<PlayerBets> BetsOfAsync(this TableWorld world, string tableId, string playerId) =>
        world.AskTable<PlayerBets>(tableId, new TableCommand.GetPlayerBets(playerId));

    public static async Task FundAsync(this TableWorld world, string playerId, long amount)
    {
        await Wallet(world, playerId, new OpenWallet("open-" + playerId, TableWorld.Currency));
        var deposit = "dep-" + playerId + "-" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Wallet(world, playerId, new BeginDeposit(deposit, new Money(amount, TableWorld.Currency), "test"));
        var confirmed = await Wallet(world, playerId, new ConfirmDeposit(deposit + "-ok", deposit, "psp-" + deposit));
        if (confirmed is not WalletAccepted)
        {
            throw new ProbeException($"funding {playerId} failed: {confirmed}");
        }
    }

    public static async Task<WalletBalance> BalanceAsync(this TableWorld world, string playerId) =>
        (await Wallet(world, playerId, new GetBalance("balance-" + playerId))).Balance;

    public static Task<WalletReply> Wallet(this TableWorld world, string playerId, WalletCommand command) =>
        world.Wallets.AskAsync(playerId, command).WaitAsync(TableWorld.Patience);

    public static async Task ConfigureAsync(this TableWorld world, string tableId, TableConfig config)
    {
        await world.AskTable(tableId, new TableCommand.Configure(config, "ops")).Expect<TableReply.CommandAccepted>();
    }

    public static async Task<long> OpenRoundAsync(this TableWorld world, string tableId)
    {
        var opened = await world.AskTable(tableId, new TableCommand.OpenRound(world.Dealer())).Expect<TableReply.CommandAccepted>();
        return opened.RoundNo;
    }

    /// <summary>A new baccarat shoe burned with an ace (one more card burned), ready for rounds.</summary>
    public static async Task NewShoeAsync(this TableWorld world, string tableId)
    {
        await world.AskTable(tableId, new TableCommand.ChangeShoe(world.Dealer())).Expect<TableReply.CommandAccepted>();
        await world.AskTable(tableId, new TableCommand.BurnCard("AD", world.Dealer())).Expect<TableReply.CommandAccepted>();
        await world.AskTable(tableId, new TableCommand.BurnCard("KD", world.Dealer())).Expect<TableReply.CommandAccepted>();
    }

    public static Task<TableReply> BetAsync(this TableWorld world, string tableId, long roundNo, string playerId, string betId, params BetLine[] lines) =>
        world.AskTable(tableId, new TableCommand.PlaceBet(playerId, betId, roundNo, lines, TableWorld.Currency));

    public static Task<TableReply> SpinAsync(this TableWorld world, string tableId, long roundNo, int number, int revolutions = 6) =>
        world.AskTable(tableId, new TableCommand.ReportSpin(roundNo, number, revolutions, false, world.Dealer()));

    public static Task<TableReply> CardAsync(this TableWorld world, string tableId, long roundNo, string card, int? position = null) =>
        world.AskTable(tableId, new TableCommand.ScanCard(roundNo, card, position, null, world.Dealer()));

    /// <summary>Closes the window by time: the close timer fires inside Advance.</summary>
    public static async Task CloseByTimeAsync(this TableWorld world, string tableId)
    {
        var snapshot = await world.SnapshotAsync(tableId);
        world.Time.Advance(snapshot.TimeLeft);
        await UntilAsync(async () => (await world.SnapshotAsync(tableId)).Phase != RoundPhase.BettingOpen, "betting to close on time");
    }

    /// <summary>Polls an async condition another thread makes true; fails naming it.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TableWorld.Patience)
            {
                throw new ProbeException($"Waited {TableWorld.Patience.TotalSeconds:0} s for {what}; it never became true.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Moves the clock by sweep intervals until the table owes no wallet operation.</summary>
    public static async Task DeliverAllAsync(this TableWorld world, string tableId)
    {
        for (var i = 0; i < 400; i++)
        {
            if ((await world.SnapshotAsync(tableId)).PendingWalletOperations == 0)
            {
                return;
            }

            world.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        throw new ProbeException($"table {tableId} still owes {(await world.SnapshotAsync(tableId)).PendingWalletOperations} wallet operations");
    }

    public static BetLine Line(string spot, long amount) => new(spot, amount);
}
