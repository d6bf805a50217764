using LiveCasino.Actors.Core;
using LiveCasino.Actors.Tests.Support;

namespace LiveCasino.Actors.Tests;

/// <summary>An actor's address in another protocol: messages arrive wrapped, in order, and the adapter dies with its owner.</summary>
public sealed class MessageAdapterTests : KernelTest
{
    public abstract record OwnerMsg
    {
        public sealed record GiveAdapter(ActorRef<ActorRef<int>> ReplyTo) : OwnerMsg;

        public sealed record Number(int N) : OwnerMsg;
    }

    private sealed class Owner(ActorRef<string> report) : Actor<OwnerMsg>
    {
        private ActorRef<int>? _numbers;

        protected override ValueTask ReceiveAsync(OwnerMsg message)
        {
            switch (message)
            {
                case OwnerMsg.GiveAdapter give:
                    _numbers ??= Context.SpawnAdapter<int>(n => new OwnerMsg.Number(n), "numbers");
                    give.ReplyTo.Tell(_numbers);
                    break;
                case OwnerMsg.Number number:
                    report.Tell("got " + number.N);
                    break;
            }

            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Messages_in_the_other_protocol_reach_the_owner_wrapped_and_in_order()
    {
        var report = Probe<string>();
        var adapters = Probe<ActorRef<int>>();
        var owner = System.Spawn(Props.Create<OwnerMsg>(() => new Owner(report.Ref)), "owner");
        owner.Tell(new OwnerMsg.GiveAdapter(adapters.Ref));
        var numbers = await adapters.ExpectMessageAsync<ActorRef<int>>("the adapter");

        for (var n = 1; n <= 3; n++)
        {
            Assert.True(numbers.Tell(n));
        }

        Assert.Equal(["got 1", "got 2", "got 3"], await report.ReceiveAsync(3, "the wrapped numbers"));
    }

    [Fact]
    public async Task The_adapter_stops_with_its_owner()
    {
        var report = Probe<string>();
        var adapters = Probe<ActorRef<int>>();
        var owner = System.Spawn(Props.Create<OwnerMsg>(() => new Owner(report.Ref)), "owner");
        owner.Tell(new OwnerMsg.GiveAdapter(adapters.Ref));
        var numbers = await adapters.ExpectMessageAsync<ActorRef<int>>("the adapter");

        ActorSystem.Stop(owner);
        await LiveCasino.TestKit.Eventually.TrueAsync(() => !numbers.Tell(0), "the adapter refuses once its owner is gone");
    }
}
