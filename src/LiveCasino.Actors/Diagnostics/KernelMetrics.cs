using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace LiveCasino.Actors.Diagnostics;

/// <summary>The kernel's instruments (meter "LiveCasino.Actors"); exported by the host.</summary>
public static class KernelMetrics
{
    public const string MeterName = "LiveCasino.Actors";

    private const int MailboxGroupsMax = 64;

    private static readonly Meter Meter = new(MeterName);

    // Weak keys: a region that is never stopped (an abandoned test system) still goes away with its system.
    private static readonly ConditionalWeakTable<IMailboxDepthSource, object> MailboxSources = new();

    public static Counter<long> DeadLetters { get; } = Meter.CreateCounter<long>("livecasino.actors.dead_letters", description: "Messages delivered to nobody, by reason.");

    public static Counter<long> Restarts { get; } = Meter.CreateCounter<long>("livecasino.actors.restarts", description: "Actor restarts by supervision.");

    public static Counter<long> Stops { get; } = Meter.CreateCounter<long>("livecasino.actors.failure_stops", description: "Actors stopped by supervision after a failure.");

    public static Counter<long> Passivations { get; } = Meter.CreateCounter<long>("livecasino.actors.passivations", description: "Entities passivated by regions.");


    public static ObservableGauge<long> MailboxDepthTotal { get; } = Meter.CreateObservableGauge(
        "livecasino.actors.mailbox_depth", () => MailboxDepths(largest: false), description: "User messages queued in the mailboxes of an entity region's live entities, summed per region.");

    public static ObservableGauge<long> MailboxDepthLargest { get; } = Meter.CreateObservableGauge(
        "livecasino.actors.mailbox_depth_max", () => MailboxDepths(largest: true), description: "The longest single mailbox among an entity region's live entities.");

    /// <summary>Adds a region to the mailbox-depth gauges until <see cref="UntrackMailboxes"/>.</summary>
    internal static void TrackMailboxes(IMailboxDepthSource source) => MailboxSources.AddOrUpdate(source, MailboxSources);

    internal static void UntrackMailboxes(IMailboxDepthSource source) => MailboxSources.Remove(source);

    /// <summary>One measurement per group name (regions of the same type in several systems add up), at most <see cref="MailboxGroupsMax"/>.</summary>
    private static List<Measurement<long>> MailboxDepths(bool largest)
    {
        var groups = new Dictionary<string, MailboxDepth>(StringComparer.Ordinal);
        foreach (var (source, _) in MailboxSources)
        {
            var depth = source.MailboxDepth();
            if (groups.TryGetValue(source.MailboxGroup, out var seen))
            {
                groups[source.MailboxGroup] = seen.Add(depth);
            }
            else if (groups.Count < MailboxGroupsMax)
            {
                groups[source.MailboxGroup] = depth;
            }
        }

        return [.. groups.Select(g => new Measurement<long>(largest ? g.Value.Largest : g.Value.Total, new KeyValuePair<string, object?>("region", g.Key)))];
    }
}
