namespace LiveCasino.Actors.Supervision;

/// <summary>
/// Exponential backoff between restarts: min * 2^(n-1), capped at max, stretched by up to
/// <see cref="RandomFactor"/> so that many failing actors do not restart in lock step.
/// </summary>
public sealed record BackoffOptions(TimeSpan Min, TimeSpan Max, double RandomFactor = 0.2)
{
    /// <summary>Delay before restart number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayFor(int attempt, double random01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var ticks = Math.Min(Min.Ticks * Math.Pow(2, exponent), Max.Ticks);
        ticks *= 1 + (RandomFactor * Math.Clamp(random01, 0, 1));
        return TimeSpan.FromTicks((long)Math.Min(ticks, TimeSpan.MaxValue.Ticks / 2.0));
    }

    public void Validate()
    {
        if (Min <= TimeSpan.Zero || Max < Min)
        {
            throw new ArgumentOutOfRangeException(nameof(Min), "Backoff needs 0 < Min <= Max.");
        }

        if (RandomFactor is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), "RandomFactor is within [0, 1].");
        }
    }
}
