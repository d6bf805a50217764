namespace LiveCasino.Games.Common;

/// <summary>Names one bet spot of a game's layout, e.g. "banker" or "split:4-7".</summary>
/// <remarks>A spot id is exact: each spot has one canonical spelling, so per-spot limits can't be dodged.</remarks>
public readonly record struct SpotId(string Value)
{
    public override string ToString() => Value ?? string.Empty;
}
