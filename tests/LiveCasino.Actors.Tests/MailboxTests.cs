using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Mailboxes;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public sealed class MailboxTests : KernelTest
{
    [Fact]
    public async Task Messages_from_one_sender_arrive_in_send_order()
    {
        var probe = Probe<int>();
        var actor = System.Spawn(Props.Create(() => new Forwarder<int>(probe.Ref)), "fwd");
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(actor.Tell(i));
        }

        var received = await probe.ReceiveAsync(10_000, "forwarded number");
        Assert.Equal(Enumerable.Range(0, 10_000), received);
    }

    [Fact]
    public async Task Each_of_many_concurrent_senders_keeps_its_own_order()
    {
        var probe = Probe<(int Sender, int Seq)>();
        var actor = System.Spawn(Props.Create(() => new Forwarder<(int, int)>(probe.Ref)), "fwd");
        const int senders = 8, each = 2_000;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                actor.Tell((s, i));
            }
        })));

        var received = await probe.ReceiveAsync(senders * each, "message");
        foreach (var group in received.GroupBy(m => m.Sender))
        {
            Assert.Equal(Enumerable.Range(0, each), group.Select(m => m.Seq));
        }
    }

    [Fact]
    public async Task Full_mailbox_with_DropNewest_refuses_and_counts_dead_letters()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = Probe<int>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.Spawn(Props.Create(() => new GatedActor<int>(gate.Task, probe.Ref, entered)).WithMailbox(10), "gated");

        Assert.True(actor.Tell(0)); // taken into the handler, which waits on the gate
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var accepted = Enumerable.Range(1, 20).Count(actor.Tell);

        Assert.Equal(10, accepted);
        Assert.Equal(10, System.DeadLetters.CountOf(DeadLetterReason.MailboxFull));
        gate.SetResult();
        Assert.Equal(Enumerable.Range(0, 11), await probe.ReceiveAsync(11, "accepted message"));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Full_mailbox_with_DropOldest_keeps_the_newest()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = Probe<int>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.Spawn(Props.Create(() => new GatedActor<int>(gate.Task, probe.Ref, entered)).WithMailbox(5, OverflowPolicy.DropOldest), "gated");
        actor.Tell(0);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= 20; i++)
        {
            Assert.True(actor.Tell(i));
        }

        gate.SetResult();
        Assert.Equal([0, 16, 17, 18, 19, 20], await probe.ReceiveAsync(6, "surviving message"));
        Assert.Equal(15, System.DeadLetters.CountOf(DeadLetterReason.DroppedOldest));
    }

    [Fact]
    public async Task Message_to_a_stopped_actor_is_a_dead_letter()
    {
        var probe = Probe<int>();
        var actor = System.Spawn(Props.Create(() => new Forwarder<int>(probe.Ref)), "fwd");
        ActorSystem.Stop(actor);
        await ActorSystem.WhenTerminated(actor).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(actor.Tell(1));
        Assert.Equal(1, System.DeadLetters.CountOf(DeadLetterReason.RecipientTerminated));
        Assert.Contains(System.DeadLetters.Recent(), d => d.Message is 1 && d.Recipient == "/user/fwd");
    }

    [Fact]
    public async Task An_async_handler_sees_messages_one_at_a_time()
    {
        var probe = Probe<string>();
        var inFlight = 0;
        var maxInFlight = 0;
        var actor = System.Spawn(Props.Create<int>(() => new AsyncCounting(probe.Ref, () => Interlocked.Increment(ref inFlight), () => Interlocked.Decrement(ref inFlight), n => maxInFlight = Math.Max(maxInFlight, n))), "async");
        for (var i = 0; i < 200; i++)
        {
            actor.Tell(i);
        }

        await probe.ReceiveAsync(200, "done");
        Assert.Equal(1, maxInFlight);
    }

    private sealed class AsyncCounting(ActorRef<string> done, Func<int> enter, Func<int> leave, Action<int> observe) : Actor<int>
    {
        protected override async ValueTask ReceiveAsync(int message)
        {
            observe(enter());
            await Task.Yield();
            leave();
            done.Tell("done");
        }
    }
}
