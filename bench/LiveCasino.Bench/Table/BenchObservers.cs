using System.Diagnostics;
using LiveCasino.Actors.Core;
using LiveCasino.Bench.Common;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Bench.Table;

/// <summary>Receives every bet answer; times acceptance from the send (bet ids are indexes into the send times).</summary>
internal sealed class BetAnswers(long[] sentAt, LatencyHistogram latency, TaskCompletionSource done) : Actor<TableReply>
{
    private int _answered;

    public int Accepted { get; private set; }

    public Dictionary<BetRejection, int> Rejected { get; } = [];

    public long LastAcceptedAt { get; private set; }

    protected override ValueTask ReceiveAsync(TableReply message)
    {
        var now = Stopwatch.GetTimestamp();
        switch (message)
        {
            case TableReply.BetAccepted a:
                latency.RecordTicks(now - sentAt[int.Parse(a.BetId, System.Globalization.CultureInfo.InvariantCulture)]);
                Accepted++;
                LastAcceptedAt = now;
                break;
            case TableReply.BetRejected r:
                Rejected[r.Reason] = Rejected.GetValueOrDefault(r.Reason) + 1;
                break;
        }

        if (++_answered == sentAt.Length)
        {
            done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Watches the table's events: when the settlement is written, and when the last wallet settlement is confirmed.</summary>
internal sealed class SettlementWatch(TaskCompletionSource<long> settled, TaskCompletionSource<long> allCredited) : Actor<TableNotification>
{
    private int _expected = -1;
    private int _confirmed;

    protected override ValueTask ReceiveAsync(TableNotification message)
    {
        if (message is not TableNotification.EventPersisted { Event: var e })
        {
            return ValueTask.CompletedTask;
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

        return ValueTask.CompletedTask;
    }
}
