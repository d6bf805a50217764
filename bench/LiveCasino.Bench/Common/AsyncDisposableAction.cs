namespace LiveCasino.Bench.Common;

/// <summary>Runs an async clean-up at the end of an <c>await using</c> scope (stopping an actor system the scenario started).</summary>
public sealed class AsyncDisposableAction(Func<Task> action) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await action().ConfigureAwait(false);
}
