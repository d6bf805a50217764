using System.Diagnostics;
using Akka.Actor;
using LiveCasino.Bench.Common;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Bench.Table;

/// <summary>What <see cref="BetAnswers"/> counted; read once every answer is in (the completion is the barrier).</summary>
internal sealed class BetTally
{
    public int Accepted { get; set; }

    public Dictionary<BetRejection, int> Rejected { get; } = [];

    public long LastAcceptedAt { get; set; }
}

/// <summary>Receives every bet answer; times acceptance from the send (bet ids are indexes into the send times).</summary>
internal sealed class BetAnswers(long[] sentAt, LatencyHistogram latency, BetTally tally, TaskCompletionSource done) : UntypedActor
{
    private int _answered;

    protected override void OnReceive(object message)
    {
        var now = Stopwatch.GetTimestamp();
        switch (message)
        {
            case TableReply.BetAccepted a:
                latency.RecordTicks(now - sentAt[int.Parse(a.BetId, System.Globalization.CultureInfo.InvariantCulture)]);
                tally.Accepted++;
                tally.LastAcceptedAt = now;
                break;
            case TableReply.BetRejected r:
                tally.Rejected[r.Reason] = tally.Rejected.GetValueOrDefault(r.Reason) + 1;
                break;
            default:
                return;
        }

        if (++_answered == sentAt.Length)
        {
            done.TrySetResult();
        }
    }
}

/// <summary>Watches the table's events: when the settlement is written, and when the last wallet settlement is confirmed.</summary>
internal sealed class SettlementWatch(TaskCompletionSource<long> settled, TaskCompletionSource<long> allCredited) : UntypedActor
{
    private int _expected = -1;
    private int _confirmed;

    protected override void OnReceive(object message)
    {
        if (message is not TableNotification.EventPersisted { Event: var e })
        {
            return;
        }

        if (e is RoundSettled s)
        {
            _expected = s.Payouts.Count;
            settled.TrySetResult(Stopwatch.GetTimestamp());
        }
        else if (e is WalletOperationsConfirmed c)
        {
            _confirmed += c.OperationIds.Count(id => id.EndsWith("/settle", StringComparison.Ordinal));
        }

        if (_expected >= 0 && _confirmed >= _expected)
        {
            allCredited.TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
