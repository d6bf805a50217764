using LiveCasino.Actors.Core;

namespace LiveCasino.Actors.Ask;

/// <summary>Request/response from outside an actor (or from an actor that may await).</summary>
public static class AskExtensions
{
    private static long _askIds;

    /// <summary>
    /// Sends the message built around a temporary reply ref and waits for the first reply.
    /// Fails with <see cref="AskTimeoutException"/> after the timeout (the system's default when
    /// null), or <see cref="OperationCanceledException"/> on cancellation; a reply that comes later
    /// is counted as a dead letter. A message the target refuses (mailbox full, target gone) fails
    /// at once with <see cref="InvalidOperationException"/> instead of waiting for the timeout.
    /// </summary>
    public static async Task<TReply> Ask<T, TReply>(this ActorRef<T> target, Func<ActorRef<TReply>, T> build, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : notnull
        where TReply : notnull
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(build);
        var system = target.System;
        var wait = timeout ?? system.Options.DefaultAskTimeout;
        var path = "/temp/ask-" + Interlocked.Increment(ref _askIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sink = new PromiseSink<TReply>(system, path);
        var replyTo = new ActorRef<TReply>(system, sink, path, 0);
        var message = build(replyTo);
        using var timer = system.Time.CreateTimer(
            static s =>
            {
                var (sink, target, type, wait) = ((PromiseSink<TReply>, string, Type, TimeSpan))s!;
                sink.Fail(new AskTimeoutException(target, type, wait));
            },
            (sink, target.ToString(), message.GetType(), wait),
            wait,
            Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(static (s, ct) => ((PromiseSink<TReply>)s!).Cancel(ct), sink).ConfigureAwait(false);
        if (!target.Tell(message))
        {
            throw new InvalidOperationException($"{target} did not accept {message.GetType().Name} (mailbox full or actor stopped).");
        }

        return await sink.Task.ConfigureAwait(false);
    }
}
