namespace LiveCasino.Tables.Records;

/// <summary>Where round records live in the journal: seals are tagged per table, so a round is found without scanning.</summary>
public static partial class RoundRecords
{
    /// <summary>The events-by-tag tag of a table's record seals.</summary>
    public static string SealTag(string tableId) => "table-seal:" + tableId;
}
