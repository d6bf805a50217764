namespace LiveCasino.Tables.Sensors;

/// <summary>Sequence numbers <paramref name="First"/>..<paramref name="Last"/> (inclusive) never arrived in time.</summary>
public sealed record SequenceGap(long First, long Last)
{
    public long Count => Last - First + 1;
}
