namespace LiveCasino.Tables.Configuration;

/// <summary>Minimum and maximum total stake of one player on one spot in one round, in minor units.</summary>
public sealed record SpotRange(long Min, long Max)
{
    public void Validate(string what)
    {
        if (Min <= 0 || Max < Min)
        {
            throw new ArgumentException($"{what}: a spot range needs 0 < Min <= Max, got {Min}..{Max}.");
        }
    }
}
