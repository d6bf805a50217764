using LiveCasino.Actors.Core;

namespace LiveCasino.Bench.Kernel;

/// <summary>Messages of the ping-pong pairs. The ball is a singleton: the benchmark measures messaging, not allocation.</summary>
public abstract record PairMsg
{
    public static readonly PairMsg Ball = new BallMsg();

    public sealed record BallMsg : PairMsg;

    public sealed record Start(ActorRef<PairMsg> Partner, long Quota, int Window, TaskCompletionSource Done) : PairMsg;

    public sealed record Bind(ActorRef<PairMsg> Partner) : PairMsg;
}

/// <summary>Keeps <c>Window</c> balls in flight until <c>Quota</c> have come back.</summary>
public sealed class Pinger : Actor<PairMsg>
{
    private ActorRef<PairMsg>? _partner;
    private long _sent;
    private long _received;
    private long _quota;
    private TaskCompletionSource? _done;

    protected override ValueTask ReceiveAsync(PairMsg message)
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
        else if (message is PairMsg.Start s)
        {
            (_partner, _quota, _done) = (s.Partner, s.Quota, s.Done);
            for (var i = 0; i < s.Window && _sent < _quota; i++)
            {
                _sent++;
                _partner.Tell(PairMsg.Ball);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Returns every ball to its partner.</summary>
public sealed class Ponger : Actor<PairMsg>
{
    private ActorRef<PairMsg>? _partner;

    protected override ValueTask ReceiveAsync(PairMsg message)
    {
        if (ReferenceEquals(message, PairMsg.Ball))
        {
            _partner!.Tell(PairMsg.Ball);
        }
        else if (message is PairMsg.Bind b)
        {
            _partner = b.Partner;
        }

        return ValueTask.CompletedTask;
    }
}
