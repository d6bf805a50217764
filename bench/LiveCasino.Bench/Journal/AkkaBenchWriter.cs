using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Journal;

/// <summary>An Akka persistent actor that persists one event at a time, back to back, timing each persist.</summary>
public sealed class AkkaBenchWriter : UntypedPersistentActor
{
    private Run? _run;
    private long _count;
    private long _started;

    public AkkaBenchWriter(string id) => PersistenceId = "bench-" + id;

    public override string PersistenceId { get; }

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new AkkaBenchWriter(id));

    protected override void OnRecover(object message)
    {
        if (message is BenchEvent)
        {
            _count++;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Run run:
                _run = run;
                PersistNext();
                break;
            case Fill fill:
                var filled = 0;
                for (var written = 0; written < fill.Events; written += fill.PerWrite)
                {
                    var n = Math.Min(fill.PerWrite, fill.Events - written);
                    PersistAll(Enumerable.Range(0, n).Select(i => new BenchEvent(written + i + 1, 2_500, "red")), _ =>
                    {
                        _count++;
                        if (++filled == fill.Events)
                        {
                            fill.Done.TrySetResult();
                        }
                    });
                }

                break;
            case Count count:
                count.Done.TrySetResult(_count);
                break;
        }
    }

    private void PersistNext()
    {
        var run = _run!;
        if (!run.KeepGoing())
        {
            run.Done.TrySetResult(_count);
            return;
        }

        _started = Stopwatch.GetTimestamp();
        Persist(new BenchEvent(LastSequenceNr + 1, 2_500, "red"), _ =>
        {
            run.Latency.RecordTicks(Stopwatch.GetTimestamp() - _started);
            _count++;
            PersistNext();
        });
    }

    public sealed record Run(Func<bool> KeepGoing, LatencyHistogram Latency, TaskCompletionSource<long> Done);

    public sealed record Fill(int Events, int PerWrite, TaskCompletionSource Done);

    /// <summary>Answers with the events this incarnation recovered and wrote (sent after recovery, so it waits for it).</summary>
    public sealed record Count(TaskCompletionSource<long> Done);
}
