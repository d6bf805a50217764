namespace LiveCasino.Server.Bench;

/// <summary>
/// Configuration section <c>LiveCasino:Bench</c>: the benchmark mode, off by default. When on, the
/// node maps <c>/bench/*</c> (loopback callers only, no auth) so the load harness in bench/load can
/// make tables and funded players without password hashing, open rounds, and have tables emit
/// synthetic state events at a fixed rate through the real fan-out path. Never turn it on in production.
/// </summary>
public sealed class BenchOptions
{
    public const string Section = "LiveCasino:Bench";

    public bool Enabled { get; set; }

    /// <summary>Most tables one setup call makes (ids <c>bench-0</c> .. <c>bench-{n-1}</c>).</summary>
    public int TablesMax { get; set; } = 200;

    /// <summary>Most players one provisioning call makes.</summary>
    public int PlayersPerCallMax { get; set; } = 20_000;

    /// <summary>Most synthetic events one emission makes per table (warm-up included).</summary>
    public int TicksPerTableMax { get; set; } = 100_000;

    /// <summary>Largest padding of a synthetic event, in characters.</summary>
    public int PadMax { get; set; } = 16 * 1024;
}
