namespace LiveCasino.Games.Common;

/// <summary>Identifies a paytable and its version; recorded with every settlement so a round can be re-settled.</summary>
public sealed record PaytableRef(string Id, int Version)
{
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{Id}@v{Version}");
}
