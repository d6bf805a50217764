using System.Threading.Channels;
using LiveCasino.Actors.Core;

namespace LiveCasino.TestKit;

/// <summary>
/// A real actor that records what it receives, with expectations that fail with a message naming
/// what was awaited. Waits are on real time (delivery crosses the thread pool), bounded by
/// <see cref="DefaultTimeout"/>; actor timers in tests run on <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class TestProbe<T>
    where T : notnull
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _received = Channel.CreateUnbounded<T>();

    public TestProbe(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Name = name ?? ProbeNames.Next();
        Ref = system.Spawn(Props.Create(() => new ProbeActor(_received.Writer)), Name);
    }

    public string Name { get; }

    public ActorRef<T> Ref { get; }

    /// <summary>The next message, which must be a <typeparamref name="TExpected"/>.</summary>
    public async Task<TExpected> ExpectMessageAsync<TExpected>(string? because = null, TimeSpan? timeout = null)
        where TExpected : T
    {
        var message = await NextAsync($"a {typeof(TExpected).Name}" + (because is null ? string.Empty : $" ({because})"), timeout).ConfigureAwait(false);
        return message is TExpected expected
            ? expected
            : throw new ProbeException($"{Name} expected a {typeof(TExpected).Name}{(because is null ? string.Empty : $" ({because})")} but got {message}.");
    }

    /// <summary>Skips messages until one matches; fails if none does in time.</summary>
    public async Task<TExpected> FishForMessageAsync<TExpected>(Func<TExpected, bool> predicate, string what, TimeSpan? timeout = null)
        where TExpected : T
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (message is TExpected m && predicate(m))
                {
                    return m;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new ProbeException($"{Name} fished for {what} and found none within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<T>> ReceiveAsync(int count, string what, TimeSpan? timeout = null)
    {
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(await NextAsync($"{what} #{i + 1} of {count}", timeout).ConfigureAwait(false));
        }

        return list;
    }

    /// <summary>Asserts nothing arrives within <paramref name="within"/> (real time: keep it short).</summary>
    public async Task ExpectNoMessageAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            var message = await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            throw new ProbeException($"{Name} expected no message but got {message}.");
        }
        catch (OperationCanceledException)
        {
            // Nothing came: as expected.
        }
    }

    public bool TryReceive(out T? message) => _received.Reader.TryRead(out message);

    private async Task<T> NextAsync(string what, TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new ProbeException($"{Name} waited {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s for {what} and got nothing.");
        }
    }

    private sealed class ProbeActor(ChannelWriter<T> writer) : Actor<T>
    {
        protected override ValueTask ReceiveAsync(T message)
        {
            writer.TryWrite(message);
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class ProbeException(string message) : Exception(message);

/// <summary>One counter for every probe type: a static in the generic class would be per T and repeat names.</summary>
internal static class ProbeNames
{
    private static long _next;

    public static string Next() => "probe-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
