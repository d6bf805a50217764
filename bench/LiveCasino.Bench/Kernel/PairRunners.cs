using System.Diagnostics;
using System.Threading.Channels;
using System.Threading.Tasks.Dataflow;
using LiveCasino.Persistence.Configuration;

namespace LiveCasino.Bench.Kernel;

/// <summary>The same ping-pong pair workload on each engine; each returns elapsed time for all pairs.</summary>
public static class PairRunners
{
    /// <summary>
    /// Akka.NET actors in a system with the node's hocon/ settings (its default dispatcher), without
    /// the cluster; <paramref name="hocon"/> (the bench's --akka option) is laid on top to try a setting.
    /// </summary>
    public static async Task<TimeSpan> AkkaAsync(int pairs, long quota, int window, string? hocon = null)
    {
        var config = HoconFiles.Load(HoconFiles.LocalFiles).Overrides("akka.loglevel = WARNING").Overrides(hocon ?? string.Empty);
        var system = Akka.Actor.ActorSystem.Create("bench", config);
        try
        {
            var done = new List<Task>();
            var starts = new List<(Akka.Actor.IActorRef Pinger, AkkaStart Start)>();
            for (var p = 0; p < pairs; p++)
            {
                var pinger = system.ActorOf(Akka.Actor.Props.Create<AkkaPinger>(), "pinger-" + p);
                var ponger = system.ActorOf(Akka.Actor.Props.Create<AkkaPonger>(), "ponger-" + p);
                ponger.Tell(pinger, Akka.Actor.ActorRefs.NoSender);
                var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done.Add(tcs.Task);
                starts.Add((pinger, new AkkaStart(ponger, quota, window, tcs)));
            }

            var sw = Stopwatch.StartNew();
            foreach (var (pinger, start) in starts)
            {
                pinger.Tell(start, Akka.Actor.ActorRefs.NoSender);
            }

            await Task.WhenAll(done);
            return sw.Elapsed;
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// ActionBlocks as TPL Dataflow ships them (unbounded), or with <paramref name="boundedCapacity"/>
    /// set, which gives them the same guarantee as a bounded mailbox (a bound on queued messages).
    /// </summary>
    public static async Task<TimeSpan> ActionBlocksAsync(int pairs, long quota, int window, int? boundedCapacity = null)
    {
        var options = new ExecutionDataflowBlockOptions { BoundedCapacity = boundedCapacity ?? DataflowBlockOptions.Unbounded };
        var done = new List<Task>();
        var kicks = new List<Action>();
        for (var p = 0; p < pairs; p++)
        {
            ActionBlock<object>? pinger = null;
            ActionBlock<object>? ponger = null;
            long sent = 0, received = 0;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ponger = new ActionBlock<object>(m => pinger!.Post(m), options);
            pinger = new ActionBlock<object>(m =>
            {
                if (++received == quota)
                {
                    tcs.TrySetResult();
                }
                else if (sent < quota)
                {
                    sent++;
                    ponger.Post(m);
                }
            }, options);
            done.Add(tcs.Task);
            var ball = new object();
            kicks.Add(() =>
            {
                for (var i = 0; i < window && sent < quota; i++)
                {
                    sent++;
                    ponger.Post(ball);
                }
            });
        }

        var sw = Stopwatch.StartNew();
        kicks.ForEach(k => k());
        await Task.WhenAll(done);
        return sw.Elapsed;
    }

    public static async Task<TimeSpan> ChannelsAsync(int pairs, long quota, int window)
    {
        var done = new List<Task>();
        var kicks = new List<Action>();
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false };
        for (var p = 0; p < pairs; p++)
        {
            var toPing = Channel.CreateUnbounded<object>(options);
            var toPong = Channel.CreateUnbounded<object>(options);
            long sent = 0, received = 0;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = Task.Run(async () =>
            {
                while (await toPong.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (toPong.Reader.TryRead(out var m))
                    {
                        toPing.Writer.TryWrite(m);
                    }
                }
            });
            _ = Task.Run(async () =>
            {
                while (await toPing.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (toPing.Reader.TryRead(out var m))
                    {
                        if (++received == quota)
                        {
                            tcs.TrySetResult();
                            toPong.Writer.TryComplete();
                            toPing.Writer.TryComplete();
                        }
                        else if (sent < quota)
                        {
                            sent++;
                            toPong.Writer.TryWrite(m);
                        }
                    }
                }
            });
            done.Add(tcs.Task);
            var ball = new object();
            kicks.Add(() =>
            {
                for (var i = 0; i < window && sent < quota; i++)
                {
                    sent++;
                    toPong.Writer.TryWrite(ball);
                }
            });
        }

        var sw = Stopwatch.StartNew();
        kicks.ForEach(k => k());
        await Task.WhenAll(done);
        return sw.Elapsed;
    }
}
