using System.Globalization;

namespace LiveCasino.Tables.State;

/// <summary>
/// Wallet operation ids a table makes: deterministic from table, round and bet, so every retry
/// (after a timeout, a table restart or a wallet restart) is the same operation to the wallet.
/// </summary>
internal static class WalletOperationIds
{
    /// <summary>The ReserveBet operation id, which is also the reservation id.</summary>
    public static string Reservation(string tableId, long roundNo, long betNo) => Build(tableId, roundNo, betNo, "reserve");

    public static string Settle(string tableId, long roundNo, long betNo) => Build(tableId, roundNo, betNo, "settle");

    public static string Void(string tableId, long roundNo, long betNo) => Build(tableId, roundNo, betNo, "void");

    public static string Adjust(string tableId, long roundNo, long betNo, int correctionNo) =>
        Build(tableId, roundNo, betNo, "adjust-" + correctionNo.ToString(CultureInfo.InvariantCulture));

    /// <summary>A settlement rerouted after its reservation expired: void, then the net result as an adjustment.</summary>
    public static string RerouteVoid(string settleId) => settleId + "-void";

    public static string RerouteAdjust(string settleId) => settleId + "-adjust";

    /// <summary>The bet's history reference in the wallet: "table-1/round-7/bet-abc".</summary>
    public static string Reference(string tableId, long roundNo, string betId) =>
        string.Create(CultureInfo.InvariantCulture, $"{tableId}/round-{roundNo}/bet-{betId}");

    private static string Build(string tableId, long roundNo, long betNo, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{tableId}/{roundNo}/{betNo}/{what}");
}
