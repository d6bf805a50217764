using System.Text;

namespace LiveCasino.Payments.Simulator;

/// <summary>
/// A <see cref="Random"/> per key, seeded from the run's seed and a stable FNV-1a hash of the key
/// (string.GetHashCode is randomized per process), so each payment's draws do not depend on the
/// order requests happen to arrive in.
/// </summary>
internal static class SeededRandom
{
    public static Random For(int seed, string key)
    {
        const ulong offset = 14_695_981_039_346_656_037;
        const ulong prime = 1_099_511_628_211;
        var hash = offset ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * prime;
        }

        return new Random((int)(hash ^ (hash >> 32)));
    }

    /// <summary>A duration drawn uniformly in [min, max].</summary>
    public static TimeSpan Between(this Random random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
