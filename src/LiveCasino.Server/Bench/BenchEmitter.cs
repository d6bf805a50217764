using System.Diagnostics;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs;

namespace LiveCasino.Server.Bench;

/// <summary>
/// Makes bench tables emit synthetic state events at a fixed rate through the real fan-out path:
/// each event is serialized once into a hub frame (<see cref="HubFrames.Event{T}"/>) and handed to
/// the table's <see cref="TableFeed.FanOut"/>, whose lanes offer it to every viewer, exactly as
/// <c>TableFeedActor</c> does with a table's events. Tables are staggered across the period, as
/// real tables are not in step. A dedicated thread keeps the schedule (sleeping, never spinning); when it
/// falls behind it emits what is due at once, each event still carrying its scheduled time.
/// </summary>
public sealed class BenchEmitter(TablesRuntime runtime, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Thread? _thread;
    private long _emitted;
    private long _offered;
    private double _lateMaxMs;
    private double _startAt;

    public bool Running => _thread is { IsAlive: true };

    public BenchEmitStatus Status() => new(Running, Interlocked.Read(ref _emitted), Interlocked.Read(ref _offered), Volatile.Read(ref _lateMaxMs), Volatile.Read(ref _startAt));

    /// <summary>Starts an emission over the feeds of <paramref name="tableIds"/>; false when one is running.</summary>
    public bool TryStart(IReadOnlyList<string> tableIds, BenchEmitRequest request)
    {
        ArgumentNullException.ThrowIfNull(tableIds);
        ArgumentNullException.ThrowIfNull(request);
        var feeds = tableIds.Select(id => runtime.Feed(id) ?? throw new InvalidOperationException($"no feed for table {id}")).ToArray();
        lock (_gate)
        {
            if (Running)
            {
                return false;
            }

            Interlocked.Exchange(ref _emitted, 0);
            Interlocked.Exchange(ref _offered, 0);
            Volatile.Write(ref _lateMaxMs, 0);
            _thread = new Thread(() => Run(feeds, request)) { IsBackground = true, Name = "bench-emitter", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
            return true;
        }
    }

    private void Run(TableFeed[] feeds, BenchEmitRequest request)
    {
        var pad = new string('x', request.Pad);
        var periodMs = 1000.0 / request.RateHz;
        var stagger = periodMs / feeds.Length;
        var total = (long)(request.Warmup + request.Ticks) * feeds.Length;

        // Wall clock for the embedded time, monotonic clock for waiting; both fixed at the start.
        var startTs = time.GetTimestamp();
        var startUnixMs = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond + 100;
        Volatile.Write(ref _startAt, startUnixMs);
        for (long g = 0; g < total; g++)
        {
            var tick = g / feeds.Length;
            var table = (int)(g % feeds.Length);
            var dueMs = 100 + (tick * periodMs) + (table * stagger);
            WaitUntil(startTs, dueMs);
            var late = time.GetElapsedTime(startTs).TotalMilliseconds - dueMs;
            if (late > _lateMaxMs)
            {
                Volatile.Write(ref _lateMaxMs, late);
            }

            var feed = feeds[table];
            var payload = new BenchTick(feed.TableId, tick + 1, startUnixMs + dueMs - 100, tick < request.Warmup ? 0 : 1, pad);
            var frame = HubFrames.Event("benchTick", payload, BenchJsonContext.Default.BenchTick);
            var item = new Outgoing(feed.TableId, 0, frame);
            feed.FanOut(item);
            Interlocked.Increment(ref _emitted);
            Interlocked.Add(ref _offered, feed.ViewerCount);
        }
    }

    /// <summary>Sleeps until the event is due; no spinning (a spinning emitter would bill the node CPU it did not spend on fan-out).</summary>
    private void WaitUntil(long startTs, double dueMs)
    {
        var left = dueMs - time.GetElapsedTime(startTs).TotalMilliseconds;
        if (left > 0)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(left));
        }
    }

    internal static void Check(BenchEmitRequest r, BenchOptions o)
    {
        Debug.Assert(o is not null);
        if (r.Tables < 1 || r.Tables > o.TablesMax || r.RateHz is <= 0 or > 10_000 || r.Warmup < 0 || r.Ticks < 1
            || (long)r.Warmup + r.Ticks > o.TicksPerTableMax || r.Pad < 0 || r.Pad > o.PadMax)
        {
            throw new ArgumentException("tables 1..TablesMax, rateHz 0..10000, warmup >= 0, ticks >= 1, warmup+ticks <= TicksPerTableMax, pad 0..PadMax");
        }
    }
}
