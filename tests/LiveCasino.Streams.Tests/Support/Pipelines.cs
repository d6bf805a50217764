using System.Threading.Channels;

namespace LiveCasino.Streams.Tests.Support;

/// <summary>Small builders shared by the tests: tight links so that bounds are easy to see.</summary>
public static class Pipelines
{
    public static readonly PipelineOptions Tight = new() { StageCapacity = 1 };

    public static Channel<T> Unbounded<T>() => Channel.CreateUnbounded<T>();

    public static Channel<T> BoundedChannel<T>(int capacity) => Channel.CreateBounded<T>(capacity);

    public static void WriteAll<T>(ChannelWriter<T> writer, IEnumerable<T> items, bool complete = true)
    {
        foreach (var item in items)
        {
            if (!writer.TryWrite(item))
            {
                throw new InvalidOperationException("Test producer channel refused an element.");
            }
        }

        if (complete)
        {
            writer.Complete();
        }
    }
}
