using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Sharding;
using TestNodes = LiveCasino.TestKit.TestNodes;
using Microsoft.Extensions.Time.Testing;

namespace LiveCasino.Server.Tests.Support;

/// <summary>
/// One persistent entity of the server tested alone: a local actor system on the memory journal
/// plugin with the module's serialization, every message round-tripped (serialize-messages = on),
/// a fake clock, and successive incarnations of the entity (as after a passivation).
/// </summary>
public sealed class EntityBench(string name, string moduleHocon) : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private ActorSystem _system = null!;
    private int _incarnation;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync()
    {
        var config = HoconFiles.Load(HoconFiles.LocalFiles).Overrides(moduleHocon).Overrides(TestNodes.MemoryPlugin).Overrides("""
            akka.loglevel = WARNING
            akka.actor.serialize-messages = on
            """);
        _system = ActorSystem.Create(name, config);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    /// <summary>A new incarnation of the entity (the previous one, if any, should be stopped first).</summary>
    public IActorRef Start(Props props) => _system.ActorOf(props, name + "-" + ++_incarnation);

    /// <summary>Stops an incarnation the way its region does (our stop message) and waits until it stopped.</summary>
    public static async Task StopAsync(IActorRef entity)
    {
        var stopped = entity.WatchAsync();
        entity.Tell(EntityStop.Instance);
        await stopped.WaitAsync(Patience);
    }
}
