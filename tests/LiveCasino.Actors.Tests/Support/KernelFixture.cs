using LiveCasino.Actors.Core;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests.Support;

/// <summary>A fresh actor system on fake time per test, shut down afterwards.</summary>
public abstract class KernelTest : IAsyncLifetime
{
    protected KernelTest(ActorSystemOptions? options = null)
    {
        Time = new FakeTimeProvider();
        System = ActorSystem.Create("test", options, Time);
    }

    protected FakeTimeProvider Time { get; }

    protected ActorSystem System { get; }

    protected TestProbe<TMessage> Probe<TMessage>(string? name = null)
        where TMessage : notnull => new(System, name);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await System.ShutdownAsync(TimeSpan.FromSeconds(10));

    /// <summary>Advances fake time once the actor under test has armed <paramref name="timers"/> timers.</summary>
    protected async Task AdvanceWhenArmedAsync(TimeSpan by, int timers = 1, string what = "a timer")
    {
        await Eventually.TrueAsync(() => Time.PendingTimers >= timers, what);
        Time.Advance(by);
    }
}
