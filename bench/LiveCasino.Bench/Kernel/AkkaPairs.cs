using Akka.Actor;

namespace LiveCasino.Bench.Kernel;

/// <summary>The ball of the ping-pong pairs: a singleton, so the benchmark measures messaging, not allocation.</summary>
public static class PairMsg
{
    public static readonly object Ball = new();
}

/// <summary>Keeps <c>Window</c> balls in flight until <c>Quota</c> have come back (the same workload as the ActionBlock and Channel rows).</summary>
public sealed class AkkaPinger : UntypedActor
{
    private IActorRef? _partner;
    private long _sent;
    private long _received;
    private long _quota;
    private TaskCompletionSource? _done;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, PairMsg.Ball))
        {
            if (++_received == _quota)
            {
                _done!.TrySetResult();
            }
            else if (_sent < _quota)
            {
                _sent++;
                _partner!.Tell(PairMsg.Ball);
            }
        }
        else if (message is AkkaStart s)
        {
            (_partner, _quota, _done) = (s.Partner, s.Quota, s.Done);
            for (var i = 0; i < s.Window && _sent < _quota; i++)
            {
                _sent++;
                _partner.Tell(PairMsg.Ball);
            }
        }
    }
}

public sealed class AkkaPonger : UntypedActor
{
    private IActorRef? _partner;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, PairMsg.Ball))
        {
            _partner!.Tell(PairMsg.Ball);
        }
        else if (message is IActorRef partner)
        {
            _partner = partner;
        }
    }
}

public sealed record AkkaStart(IActorRef Partner, long Quota, int Window, TaskCompletionSource Done);
