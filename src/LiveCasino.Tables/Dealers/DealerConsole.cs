using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Sharding;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// One dealer console: attached (by the edge, after authentication) as a console of one studio,
/// bound to at most one table of that studio at a time. It turns dealer actions and sensor readings
/// into table commands for the current round, reports every answer back, and forwards the table's
/// round events to the dealer screen. An entity of the "console" region, not persistent: its edge
/// session attaches it (and binds it again) every <see cref="ConsoleOptions.RefreshInterval"/>, so a
/// console that restarted or moved is whole again within that time, and a sensor reading that reaches
/// it meanwhile is answered "unavailable" (the stream sends it again), never dropped. It subscribes
/// to its table again on the same interval (a table that restarted forgot it). It never awaits the
/// table inside a handler: answers are piped back.
/// </summary>
internal sealed class DealerConsole(string consoleId, Hosting.Tables tables, ConsoleOptions options) : UntypedActor, IWithTimers
{
    private const string RefreshTimer = "refresh";

    private string? _studioId;
    private IActorRef? _output;
    private string? _tableId;
    private long _roundNo;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer(RefreshTimer, ConsoleSignal.Refresh.Instance, options.RefreshInterval);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ConsoleCommand.Attach a:
                if (_studioId is not null && _studioId != a.StudioId)
                {
                    Unbind();
                }

                _studioId = a.StudioId;
                OnOutput(Sender.IsNobody() ? null : Sender);
                break;
            case Terminated t:
                if (t.ActorRef.Equals(_output))
                {
                    _output = null; // the edge session is gone; the next one attaches again
                }

                break;
            case ConsoleSignal.Refresh:
                if (_tableId is { } bound)
                {
                    tables.Tell(bound, new TableCommand.Subscribe(), Self);
                }

                break;
            case ConsoleCommand.Bind b:
                OnBind(b.TableId);
                break;
            case ConsoleSignal.BindChecked c:
                OnBindChecked(c.TableId, c.Snapshot);
                break;
            case ConsoleCommand.Unbind:
                Unbind();
                break;
            case ConsoleCommand.Disconnect:
                Unbind();
                OnOutput(null);
                _studioId = null;
                Context.Parent.Tell(new Passivate(EntityStop.Instance));
                break;
            case ConsoleCommand.Act act:
                Dispatch(act.Sequence, act.Action, act.StudioAt, null);
                break;
            case ConsoleCommand.Reading r:
                Dispatch(r.Value.Sequence, ToAction(r.Value), r.Value.StudioAt, Sender);
                break;
            case ConsoleSignal.TableAnswered t:
                OnAnswered(t);
                break;
            case TableNotification n:
                OnTableNotified(n);
                break;
            case ConsoleCommand.SensorRejected s:
                _output?.Tell(new ConsoleEvent.SensorRejected(consoleId, s.Input, s.Reason));
                break;
            case ConsoleCommand.SensorGap g:
                _output?.Tell(new ConsoleEvent.SensorGap(consoleId, g.First, g.Last));
                break;
            case EntityStop:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        if (_tableId is not null)
        {
            tables.Tell(_tableId, new TableCommand.Unsubscribe(), Self);
        }
    }

    private void OnBind(string tableId)
    {
        if (_output is null)
        {
            return; // not attached: nobody to answer
        }

        if (!TableIds.IsValid(tableId))
        {
            _output.Tell(new ConsoleEvent.BindRefused(consoleId, tableId ?? string.Empty, ConsoleRefusal.InvalidTableId));
            return;
        }

        tables.AskAsync<TableSnapshot>(tableId, new TableCommand.GetSnapshot(), options.TableTimeout)
            .PipeTo(Self, success: s => new ConsoleSignal.BindChecked(tableId, s), failure: _ => new ConsoleSignal.BindChecked(tableId, null));
    }

    private void OnBindChecked(string tableId, TableSnapshot? snapshot)
    {
        var refusal = snapshot switch
        {
            null => ConsoleRefusal.TableUnavailable,
            { Config: null } => ConsoleRefusal.TableNotConfigured,
            { Config.StudioId: var studio } when studio != _studioId => ConsoleRefusal.WrongStudio,
            _ => (ConsoleRefusal?)null,
        };
        if (refusal is { } reason)
        {
            _output?.Tell(new ConsoleEvent.BindRefused(consoleId, tableId, reason));
            return;
        }

        if (_tableId != tableId)
        {
            Unbind();
            tables.Tell(tableId, new TableCommand.Subscribe(), Self);
        }

        _tableId = tableId;
        _roundNo = snapshot!.RoundNo;
        _output?.Tell(new ConsoleEvent.Bound(consoleId, tableId, snapshot));
    }

    private void Unbind()
    {
        if (_tableId is { } old)
        {
            tables.Tell(old, new TableCommand.Unsubscribe(), Self);

            _tableId = null;
            _output?.Tell(new ConsoleEvent.Unbound(consoleId, old));
        }
    }

    /// <summary>Passes the action on to the bound table; <paramref name="ack"/> (a sensor reading's sender) gets a <see cref="ReadingAnswered"/>.</summary>
    private void Dispatch(long sequence, DealerAction action, DateTimeOffset studioAt, IActorRef? ack)
    {
        if (_tableId is not { } tableId)
        {
            _output?.Tell(new ConsoleEvent.Refused(consoleId, sequence, action, _studioId is null ? ConsoleRefusal.NotAttached : ConsoleRefusal.NotBound));

            // Not attached: this console restarted or moved, and its session attaches it again shortly,
            // so the reading is sent again then. Attached but not bound: the dealer's mistake, reported.
            ack?.Tell(new ReadingAnswered(sequence, _studioId is null ? ReadingAck.Unavailable : ReadingAck.Refused));
            return;
        }

        var stamp = new DealerStamp(consoleId, studioAt);
        tables.AskAsync<TableReply>(tableId, Command(action, _roundNo, stamp), options.TableTimeout)
            .PipeTo(Self, success: reply => new ConsoleSignal.TableAnswered(sequence, action, reply, ack), failure: _ => new ConsoleSignal.TableAnswered(sequence, action, null, ack));
    }

    private static TableCommand Command(DealerAction action, long round, DealerStamp stamp) => action switch
    {
        DealerAction.OpenRound => new TableCommand.OpenRound(stamp),
        DealerAction.CloseBets => new TableCommand.CloseBets(round, stamp),
        DealerAction.CardScanned c => new TableCommand.ScanCard(round, c.Card, null, c.PlacedOn, stamp, c.ReadingId),
        DealerAction.Burn b => new TableCommand.BurnCard(b.Card, stamp, b.ReadingId),
        DealerAction.CutCard => new TableCommand.ReachCutCard(stamp),
        DealerAction.StartSpin => new TableCommand.StartSpin(round, stamp),
        DealerAction.WheelResult w => new TableCommand.ReportSpin(round, w.Number, w.Revolutions, w.Fault, stamp),
        DealerAction.Void v => new TableCommand.VoidRound(round, v.Reason, stamp),
        DealerAction.ShoeChange => new TableCommand.ChangeShoe(stamp),
        DealerAction.Rescan r => new TableCommand.RescanCard(round, r.Position, r.Card, r.Reason, stamp),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown dealer action."),
    };

    private DealerAction ToAction(SensorReading reading)
    {
        var readingId = consoleId + "/sensor/" + reading.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return reading.Kind switch
        {
            SensorKind.Card => new DealerAction.CardScanned(reading.Card!, null, readingId),
            SensorKind.Burn => new DealerAction.Burn(reading.Card!, readingId),
            SensorKind.CutCard => new DealerAction.CutCard(),
            SensorKind.SpinStarted => new DealerAction.StartSpin(),
            _ => new DealerAction.WheelResult(reading.Number!.Value, reading.Revolutions ?? 0, reading.Kind == SensorKind.WheelFault),
        };
    }

    private void OnAnswered(ConsoleSignal.TableAnswered answered)
    {
        if (answered.Reply is not { } reply)
        {
            _output?.Tell(new ConsoleEvent.Refused(consoleId, answered.Sequence, answered.Action, ConsoleRefusal.TableUnavailable));
            answered.Ack?.Tell(new ReadingAnswered(answered.Sequence, ReadingAck.Unavailable));
            return;
        }

        if (reply is TableReply.CommandAccepted accepted && answered.Action is DealerAction.OpenRound)
        {
            _roundNo = Math.Max(_roundNo, accepted.RoundNo);
        }

        _output?.Tell(new ConsoleEvent.Answered(consoleId, answered.Sequence, answered.Action, reply));
        answered.Ack?.Tell(new ReadingAnswered(answered.Sequence, reply is TableReply.CommandAccepted ? ReadingAck.Accepted : ReadingAck.Refused));
    }

    /// <summary>The screen reports go to <paramref name="output"/> from now on (watched: a session that ends is forgotten).</summary>
    private void OnOutput(IActorRef? output)
    {
        if (Equals(output, _output))
        {
            return;
        }

        if (_output is { } old)
        {
            Context.Unwatch(old);
        }

        _output = output;
        if (output is not null)
        {
            Context.Watch(output);
        }
    }

    private void OnTableNotified(TableNotification notification)
    {
        if (notification.TableId != _tableId)
        {
            return;
        }

        if (notification is TableNotification.Subscribed subscribed)
        {
            _roundNo = Math.Max(_roundNo, subscribed.Snapshot.RoundNo);
            return;
        }

        if (notification is not TableNotification.EventPersisted persisted)
        {
            return;
        }

        if (persisted.Event is RoundOpened)
        {
            _roundNo = Math.Max(_roundNo, persisted.RoundNo);
        }

        // The dealer screen shows the round, not the bet traffic or delivery bookkeeping.
        if (persisted.Event is not (BetsRequested or BetsAccepted or BetsRejected or BetsCancelled or WalletOperationsConfirmed or SettlementRerouted))
        {
            _output?.Tell(new ConsoleEvent.TableChanged(consoleId, persisted));
        }
    }
}
