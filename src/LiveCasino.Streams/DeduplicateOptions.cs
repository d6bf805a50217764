namespace LiveCasino.Streams;

/// <summary>Settings of a <see cref="Flow{T}.Deduplicate"/> stage.</summary>
public sealed class DeduplicateOptions
{
    /// <summary>Upper bound for <see cref="MaxKeys"/>.</summary>
    public const int MaxKeysLimit = 1_000_000;

    /// <summary>A key seen again less than this long after its first sighting is a duplicate.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Keys remembered at once. When reached, the oldest key is forgotten early, so a repeat of
    /// it would pass: size this above the distinct keys one window can see.
    /// </summary>
    public int MaxKeys { get; init; } = 4_096;

    public void Validate()
    {
        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be positive.");
        }

        if (MaxKeys is < 1 or > MaxKeysLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxKeys), MaxKeys, $"MaxKeys must be between 1 and {MaxKeysLimit}.");
        }
    }
}
