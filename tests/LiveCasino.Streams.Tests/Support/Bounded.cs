using System.Diagnostics;
using System.Threading.Channels;
using LiveCasino.TestKit;

namespace LiveCasino.Streams.Tests.Support;

/// <summary>Every await in a test goes through here: bounded, and a timeout names what it waited for.</summary>
public static class Bounded
{
    /// <summary>Generous: it only bounds a hang; no assertion depends on it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task Within(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds} s waiting for {what}.");
        }
    }

    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds} s waiting for {what}.");
        }
    }

    public static Task<T> ReadAsync<T>(ChannelReader<T> reader, string what) => Within(reader.ReadAsync().AsTask(), what);

    public static async Task<List<T>> ReadToEndAsync<T>(ChannelReader<T> reader, string what)
    {
        var items = new List<T>();
        while (await Within(reader.WaitToReadAsync().AsTask(), what))
        {
            while (reader.TryRead(out var item))
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>
    /// For states no event announces (a counter reaching a value inside a stage). Polls; the
    /// outcome never depends on how long it takes.
    /// </summary>
    public static Task Until(Func<bool> condition, string what) => Eventually.TrueAsync(condition, what, Limit);
}
