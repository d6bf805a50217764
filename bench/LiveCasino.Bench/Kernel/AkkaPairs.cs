using Akka.Actor;

namespace LiveCasino.Bench.Kernel;

/// <summary>The ping-pong pair on Akka.NET actors: the same workload as <see cref="Pinger"/> and <see cref="Ponger"/>.</summary>
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
