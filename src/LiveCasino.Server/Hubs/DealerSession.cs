using System.Collections.Concurrent;
using System.Threading.Channels;
using Akka.Actor;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// A dealer hub connection's console: the console actor attached with this connection as its output,
/// the console's sensor stream fed by <c>Sensor</c> lines, and the correlation of each action with
/// the table's verdict (actions carry negative sequence numbers, sensor readings their own positive
/// ones, so the two never mix). Table events reach the console as they reach players: through the
/// bound table's feed.
/// </summary>
public sealed class DealerSession : IAsyncDisposable
{
    private static long s_outputs;

    private readonly EdgeHost _edge;
    private readonly EdgeConnection _connection;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ConsoleEvent>> _pending = new();
    private readonly SemaphoreSlim _binding = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<string> _sensorLines;
    private IActorRef? _output;
    private ITimer? _refresh;
    private bool _attached;
    private SensorStream? _sensor;
    private TaskCompletionSource<ConsoleEvent>? _bindAnswer;
    private long _actionSeq;

    public DealerSession(EdgeHost edge, EdgeConnection connection)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(connection);
        _edge = edge;
        _connection = connection;
        _sensorLines = Channel.CreateBounded<string>(new BoundedChannelOptions(edge.Options.SensorLinesQueuedMax) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public string ConsoleId => _connection.Who.ConsoleId!;

    public string StudioId => _connection.Who.StudioId!;

    /// <summary>The table this console is bound to, if any.</summary>
    public string? BoundTable { get; private set; }

    public void Start()
    {
        var consoles = _edge.Runtime.Consoles;
        _output = _edge.Engine.ActorOf(Props.Create(() => new ConsoleOutputActor(this)), "console-output-" + Interlocked.Increment(ref s_outputs).ToString(System.Globalization.CultureInfo.InvariantCulture));
        consoles.Connect(ConsoleId, StudioId, _output);
        _attached = true;

        // A console is a sharded entity: if it restarts or moves it forgets this session; attaching
        // and binding again on an interval makes it whole (both are idempotent).
        _refresh = _edge.Time.CreateTimer(static s => ((DealerSession)s!).Refresh(), this, consoles.Options.RefreshInterval, consoles.Options.RefreshInterval);

        // Sequence numbers run on across reconnections (the console's counter), so no fixed first one.
        _sensor = consoles.StartSensorStream(ConsoleId, _sensorLines.Reader, _edge.Streams, SensorStreamOptions.Default with { FirstSequence = null }, _stop.Token);
    }

    public async Task<JoinReply> BindAsync(string? tableId, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TableIds.IsValid(tableId))
        {
            return new JoinReply(false, tableId ?? string.Empty, Views.Name(ConsoleRefusal.InvalidTableId), "a table id is 1-64 letters, digits, '-', '_' or '.'", null);
        }

        if (_edge.Runtime.Feed(tableId!) is not { } feed)
        {
            return new JoinReply(false, tableId!, "unknownTable", $"no table {tableId} on this node", null);
        }

        if (feed.View.Config is { } config && !SameStudioHandler.CanReach(user, config.StudioId))
        {
            return new JoinReply(false, tableId!, Views.Name(ConsoleRefusal.WrongStudio), $"table {tableId} belongs to another studio", null);
        }

        await _binding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = new TaskCompletionSource<ConsoleEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _bindAnswer, answer);
            Tell(new ConsoleCommand.Bind(tableId!));
            ConsoleEvent reply;
            try
            {
                reply = await answer.Task.WaitAsync(Patience, _edge.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return new JoinReply(false, tableId!, Views.Name(ConsoleRefusal.TableUnavailable), "the console did not answer in time", null);
            }

            if (reply is ConsoleEvent.BindRefused refused)
            {
                return new JoinReply(false, tableId!, Views.Name(refused.Reason), null, null);
            }

            var bound = (ConsoleEvent.Bound)reply;
            if (BoundTable is { } previous && previous != tableId)
            {
                _edge.Leave(_connection, previous);
            }

            _connection.TryWatch(feed.TableId);
            feed.TryAddViewer(_connection);
            BoundTable = feed.TableId;
            var view = Views.Snapshot(bound.Snapshot, _edge.Time.GetUtcNow(), feed.ViewerCount, null, null);
            _connection.Covered(feed.TableId, view.Seq);
            return new JoinReply(true, feed.TableId, null, null, view);
        }
        finally
        {
            Volatile.Write(ref _bindAnswer, null);
            _binding.Release();
        }
    }

    public async Task<LeaveReply> UnbindAsync(CancellationToken cancellationToken)
    {
        // Under the bind lock, so a refresh never binds the table again after this.
        await _binding.WaitAsync(cancellationToken).ConfigureAwait(false);
        string? table;
        try
        {
            if (_attached)
            {
                Tell(new ConsoleCommand.Unbind());
            }

            table = BoundTable;
            BoundTable = null;
        }
        finally
        {
            _binding.Release();
        }

        return table is null ? new LeaveReply(true, null, null) : _edge.Leave(_connection, table);
    }

    /// <summary>Passes a dealer action to the console and answers the table's verdict.</summary>
    public async Task<DealerVerdict> ActAsync(DealerAction action, DateTimeOffset? studioAt, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Decrement(ref _actionSeq);
        var answer = new TaskCompletionSource<ConsoleEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[sequence] = answer;
        try
        {
            Tell(new ConsoleCommand.Act(sequence, action, studioAt ?? _edge.Time.GetUtcNow()));
            var reply = await answer.Task.WaitAsync(Patience, _edge.Time, cancellationToken).ConfigureAwait(false);
            return Verdict(reply);
        }
        catch (TimeoutException)
        {
            return Refusal(Views.Name(ConsoleRefusal.TableUnavailable), "the table did not answer in time");
        }
        finally
        {
            _pending.TryRemove(sequence, out _);
        }
    }

    /// <summary>Queues a raw sensor line for the stream; false when the stream's intake is full.</summary>
    public bool Sensor(string line) => _sensorLines.Writer.TryWrite(line);

    public SensorStatsView Stats() => _sensor?.Counters is { } s
        ? new SensorStatsView(s.Accepted, s.Refused, s.Malformed, s.Retransmits, s.Repeats, s.Gaps)
        : new SensorStatsView(0, 0, 0, 0, 0, 0);

    /// <summary>A report of the console actor (called on its thread: only completes or queues, never waits).</summary>
    internal void OnConsoleEvent(ConsoleEvent e)
    {
        switch (e)
        {
            case ConsoleEvent.Bound or ConsoleEvent.BindRefused:
                Volatile.Read(ref _bindAnswer)?.TrySetResult(e);
                break;
            case ConsoleEvent.Answered { Sequence: < 0 } a:
                Complete(a.Sequence, e);
                break;
            case ConsoleEvent.Refused { Sequence: < 0 } r:
                Complete(r.Sequence, e);
                break;
            case ConsoleEvent.Answered a:
                Send("readingVerdict", Reading(a.Sequence, a.Reply), HubJsonContext.Default.ReadingVerdictEvent);
                break;
            case ConsoleEvent.Refused r:
                Send("readingVerdict", new ReadingVerdictEvent(r.Sequence, false, null, null, null, Views.Name(r.Reason), null), HubJsonContext.Default.ReadingVerdictEvent);
                break;
            case ConsoleEvent.SensorRejected s:
                Send("readingRejected", new ReadingRejectedEvent(s.Input, s.Reason), HubJsonContext.Default.ReadingRejectedEvent);
                break;
            case ConsoleEvent.SensorGap g:
                Send("readingGap", new ReadingGapEvent(g.First, g.Last), HubJsonContext.Default.ReadingGapEvent);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_refresh is { } refresh)
        {
            await refresh.DisposeAsync().ConfigureAwait(false);
        }

        _sensorLines.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetCanceled();
        }

        if (_output is { } output)
        {
            _edge.Engine.Stop(output);
        }

        _stop.Dispose();
        _binding.Dispose();
    }

    private TimeSpan Patience => _edge.Runtime.Consoles.Options.TableTimeout + _edge.Options.AskTimeout;

    private void Tell(ConsoleCommand command) => _edge.Runtime.Consoles.Tell(ConsoleId, command, _output);

    /// <summary>Attaches the console again and, unless a bind is in progress, binds it to the bound table again.</summary>
    private void Refresh()
    {
        if (_output is null || _stop.IsCancellationRequested || !_binding.Wait(0))
        {
            return;
        }

        try
        {
            _edge.Runtime.Consoles.Connect(ConsoleId, StudioId, _output);
            if (BoundTable is { } table)
            {
                Tell(new ConsoleCommand.Bind(table));
            }
        }
        finally
        {
            _binding.Release();
        }
    }

    private void Complete(long sequence, ConsoleEvent e)
    {
        if (_pending.TryGetValue(sequence, out var answer))
        {
            answer.TrySetResult(e);
        }
    }

    private void Send<T>(string target, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        _connection.Offer(new Outgoing(null, 0, HubFrames.Event(target, payload, typeInfo)));

    private static ReadingVerdictEvent Reading(long sequence, TableReply reply) => reply switch
    {
        TableReply.CommandAccepted a => new ReadingVerdictEvent(sequence, true, a.What, a.RoundNo, Views.Name(a.Phase), null, null),
        TableReply.CommandRejected r => new ReadingVerdictEvent(sequence, false, null, r.RoundNo, null, Views.Name(r.Reason), r.Detail),
        _ => new ReadingVerdictEvent(sequence, false, null, null, null, "invalid", "unexpected answer"),
    };

    private DealerVerdict Verdict(ConsoleEvent e)
    {
        var now = _edge.Time.GetUtcNow();
        return e switch
        {
            ConsoleEvent.Answered { Reply: TableReply.CommandAccepted a } =>
                new DealerVerdict(true, a.TableId, a.RoundNo, Views.RoundId(a.TableId, a.RoundNo), Views.Name(a.Phase), a.What, null, null, now),
            ConsoleEvent.Answered { Reply: TableReply.CommandRejected r } =>
                new DealerVerdict(false, r.TableId, r.RoundNo, r.RoundNo > 0 ? Views.RoundId(r.TableId, r.RoundNo) : null, null, null, Views.Name(r.Reason), r.Detail, now),
            ConsoleEvent.Refused r => Refusal(Views.Name(r.Reason), null),
            _ => Refusal("invalid", "unexpected answer from the console"),
        };
    }

    private DealerVerdict Refusal(string reason, string? detail) =>
        new(false, BoundTable, 0, null, null, null, reason, detail, _edge.Time.GetUtcNow());
}
