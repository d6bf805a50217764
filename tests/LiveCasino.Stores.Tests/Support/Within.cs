namespace LiveCasino.Stores.Tests.Support;

/// <summary>Every await in the suite is bounded; a timeout names the phase and the id involved.</summary>
internal static class Within
{
    /// <summary>Generous for a loaded 2-core CI machine; tests never assert on timing.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task Await(this Task task, string phase)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds:0} s: {phase}.", ex);
        }
    }

    public static async Task<T> Await<T>(this Task<T> task, string phase)
    {
        try
        {
            return await task.WaitAsync(Limit);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds:0} s: {phase}.", ex);
        }
    }

    public static Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, string phase) => Collect(source).Await(phase);

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
