using System.Text.Json.Serialization;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence.EventSourcing;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Journal;

/// <summary>A small event of typical size (a bet-like record of ~80 bytes of JSON).</summary>
public sealed record BenchEvent(long N, long AmountMinor, string Spot);

[JsonSerializable(typeof(BenchEvent))]
internal sealed partial class BenchJson : JsonSerializerContext;

public abstract record WriterCmd
{
    public sealed record Run(Func<bool> KeepGoing, LatencyHistogram Latency, TaskCompletionSource<long> Done) : WriterCmd;

    public sealed record Next : WriterCmd
    {
        public static readonly Next Instance = new();
    }

    public sealed record Fill(int Events, int PerWrite, TaskCompletionSource Done) : WriterCmd;

    public sealed record Recovered(TaskCompletionSource<long> Done) : WriterCmd;
}

/// <summary>Persists one event per command, back to back, timing each persist.</summary>
public sealed class BenchWriter(string id) : EventSourcedActor<WriterCmd, BenchEvent>
{
    private WriterCmd.Run? _run;
    private long _count;

    protected override string PersistenceId => "bench-" + id;

    protected override void ApplyEvent(BenchEvent @event) => _count++;

    protected override async ValueTask HandleCommandAsync(WriterCmd command)
    {
        switch (command)
        {
            case WriterCmd.Run run:
                _run = run;
                Self.Tell(WriterCmd.Next.Instance);
                break;
            case WriterCmd.Next when _run is { } run:
                if (!run.KeepGoing())
                {
                    run.Done.TrySetResult(_count);
                    return;
                }

                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await PersistAsync(new BenchEvent(LastSequenceNr + 1, 2_500, "red"));
                run.Latency.RecordTicks(System.Diagnostics.Stopwatch.GetTimestamp() - started);
                Self.Tell(WriterCmd.Next.Instance);
                break;
            case WriterCmd.Fill fill:
                for (var written = 0; written < fill.Events; written += fill.PerWrite)
                {
                    var batch = Enumerable.Range(0, Math.Min(fill.PerWrite, fill.Events - written)).Select(i => new BenchEvent(LastSequenceNr + 1 + i, 2_500, "red")).ToList();
                    await PersistAllAsync(batch);
                }

                fill.Done.TrySetResult();
                break;
            case WriterCmd.Recovered r:
                r.Done.TrySetResult(_count);
                break;
        }
    }
}
