using System.Globalization;

namespace LiveCasino.Tables.Protocol;

/// <summary>The round id players, logs and traces share: <c>{tableId}:{roundNo}</c>, the key of disputes.</summary>
public static class RoundIds
{
    public static string Of(string tableId, long roundNo) => string.Create(CultureInfo.InvariantCulture, $"{tableId}:{roundNo}");
}
