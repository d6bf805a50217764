using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.ReadSide;

namespace LiveCasino.Tables.Tests.Support;

/// <summary>The money checks every crash test ends with: each settled bet paid exactly once, everything else released, the ledger balanced.</summary>
public static class Books
{
    public static async Task AssertBalancedAsync(TableWorld world, string tableId, IReadOnlyDictionary<string, long> deposits)
    {
        long houseWin = 0;
        foreach (var (player, deposit) in deposits)
        {
            var bets = (await world.BetsOfAsync(tableId, player)).Bets;
            Assert.DoesNotContain(bets, b => b.Status is BetStatus.Pending or BetStatus.Accepted);
            var net = bets.Where(b => b.Status == BetStatus.Settled).Sum(b => b.Returned!.Value - b.Stake);
            houseWin -= net;
            var balance = await world.BalanceAsync(player);
            Assert.True(
                (deposit + net, 0L) == (balance.Posted, balance.DebitsPending),
                $"{player}: expected posted {deposit + net} and nothing held, wallet has {balance.Posted} posted and {balance.DebitsPending} held; bets: {string.Join(", ", bets.Select(b => $"{b.BetId}={b.Status}/{b.Stake}->{b.Returned}"))}");
        }

        Assert.Equal(0, (await world.SnapshotAsync(tableId)).PendingWalletOperations);
        await AssertLedgerAsync(world, deposits, houseWin);
    }

    /// <summary>The ledger side alone: balanced, nothing held, the house (with corrections) up by <paramref name="houseWin"/>.</summary>
    public static async Task AssertLedgerAsync(TableWorld world, IReadOnlyDictionary<string, long> deposits, long houseWin)
    {
        var ledger = new WalletLedgerProjection();
        await ledger.CatchUpAsync(world.WalletStore);
        var trial = ledger.TrialBalance();
        Assert.Empty(ledger.Anomalies);
        Assert.True(trial.IsBalanced, "debits equal credits over all accounts");
        Assert.Equal(0, trial.DebitsPending);
        Assert.Equal(houseWin, trial[AccountKind.House].NetPostedCredit + trial[AccountKind.Adjustments].NetPostedCredit); // corrections go through Adjustments
        Assert.Equal(deposits.Values.Sum() - houseWin, trial[AccountKind.Player].NetPostedCredit);
    }
}
