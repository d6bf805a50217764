namespace LiveCasino.Server.Demo;

/// <summary>
/// Configuration section <c>LiveCasino:Demo</c>. On by default: at start-up the node lists a
/// roulette, a baccarat and a Dragon Tiger table of <see cref="StudioId"/>, runs a simulated studio
/// that drives them through the real dealer hub (over a WebSocket to the node itself), and a few
/// demo players that bet through the player hub. Turn it off for production and in tests.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "LiveCasino:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>Run the simulated dealers; false leaves the demo tables to an external console (samples/LiveCasino.StudioSimulator).</summary>
    public bool Studio { get; set; } = true;

    /// <summary>Demo players betting (0 for none).</summary>
    public int Players { get; set; } = 3;

    public string StudioId { get; set; } = "demo-studio";

    /// <summary>Seed of the simulated shoes, wheel, timing and mistakes; none (the default): a new one at each start.</summary>
    public int? Seed { get; set; }

    /// <summary>Share of readings the simulated sensors send twice (the stream drops the repeat).</summary>
    public double DuplicateReadRate { get; set; } = 0.05;

    /// <summary>Share of rounds with a dealer mistake (a bad spin, a misread card, now and then a void).</summary>
    public double MistakeRate { get; set; } = 0.05;

    /// <summary>Multiplies every simulated delay and the demo tables' betting windows when they are first configured (0.5 runs twice as fast).</summary>
    public double Pace { get; set; } = 1.0;

    /// <summary>
    /// Base URL the demo clients connect to; empty: the node's own plain HTTP port on loopback
    /// (or its HTTPS port when plain HTTP is off).
    /// </summary>
    public string? Url { get; set; }
}
