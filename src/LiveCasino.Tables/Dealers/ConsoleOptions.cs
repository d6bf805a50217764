namespace LiveCasino.Tables.Dealers;

/// <summary>Settings of the dealer consoles of a node.</summary>
public sealed record ConsoleOptions
{
    /// <summary>How long a console waits for its table's answer before reporting it unavailable (the sensor sink then retries).</summary>
    public TimeSpan TableTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a console subscribes to its table again, and its edge session attaches and binds it
    /// again: the longest a restarted or moved console stays unattached.
    /// </summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Entity type of the console region.</summary>
    public string EntityType { get; init; } = "console";

    /// <summary>Shards of the console region: about ten times the largest node count, never changed in a live cluster.</summary>
    public int NumberOfShards { get; init; } = 100;

    public static ConsoleOptions Default { get; } = new();

    public ConsoleOptions Validate()
    {
        if (TableTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TableTimeout), TableTimeout, "TableTimeout must be positive.");
        }

        if (RefreshInterval < TimeSpan.FromMilliseconds(100) || RefreshInterval > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshInterval), RefreshInterval, "RefreshInterval must be between 100 ms and 5 minutes.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(EntityType);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfShards, 1, nameof(NumberOfShards));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NumberOfShards, 10_000, nameof(NumberOfShards));
        return this;
    }
}
