using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Tables.Actor;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// One dealer console: attached (by the edge, after authentication) as a console of one studio,
/// bound to at most one table of that studio at a time. It turns dealer actions and sensor readings
/// into table commands for the current round, reports every answer back, and forwards the table's
/// round events to the dealer screen. It never awaits the table inside a handler: answers are piped back.
/// </summary>
internal sealed class DealerConsole(string consoleId, Hosting.Tables tables, ConsoleOptions options) : Actor<ConsoleCommand>
{
    private string? _studioId;
    private ActorRef<ConsoleEvent>? _output;
    private string? _tableId;
    private long _roundNo;
    private ActorRef<TableNotification>? _feed;

    protected override ValueTask ReceiveAsync(ConsoleCommand message)
    {
        switch (message)
        {
            case ConsoleCommand.Attach a:
                if (_studioId is not null && _studioId != a.StudioId)
                {
                    Unbind();
                }

                _studioId = a.StudioId;
                _output = a.Output;
                break;
            case ConsoleCommand.Bind b:
                OnBind(b.TableId);
                break;
            case ConsoleCommand.BindChecked c:
                OnBindChecked(c.TableId, c.Snapshot);
                break;
            case ConsoleCommand.Unbind:
                Unbind();
                break;
            case ConsoleCommand.Act act:
                Dispatch(act.Sequence, act.Action, act.StudioAt, null);
                break;
            case ConsoleCommand.Reading r:
                Dispatch(r.Value.Sequence, ToAction(r.Value), r.Value.StudioAt, r.ReplyTo);
                break;
            case ConsoleCommand.TableAnswered t:
                OnAnswered(t);
                break;
            case ConsoleCommand.TableNotified n:
                OnTableNotified(n.Notification);
                break;
            case ConsoleCommand.SensorRejected s:
                _output?.Tell(new ConsoleEvent.SensorRejected(consoleId, s.Input, s.Reason));
                break;
            case ConsoleCommand.SensorGap g:
                _output?.Tell(new ConsoleEvent.SensorGap(consoleId, g.First, g.Last));
                break;
        }

        return ValueTask.CompletedTask;
    }

    protected override void PostStop()
    {
        if (_tableId is not null && _feed is not null)
        {
            tables.For(_tableId).Tell(new TableCommand.Unsubscribe(_feed));
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

        var snapshot = tables.For(tableId).Ask<TableCommand, TableSnapshot>(r => new TableCommand.GetSnapshot(r), options.TableTimeout);
        Context.PipeToSelf(snapshot, s => new ConsoleCommand.BindChecked(tableId, s), _ => new ConsoleCommand.BindChecked(tableId, null));
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
            _feed ??= Context.SpawnAdapter<TableNotification>(n => new ConsoleCommand.TableNotified(n));
            tables.For(tableId).Tell(new TableCommand.Subscribe(_feed));
        }

        _tableId = tableId;
        _roundNo = snapshot!.RoundNo;
        _output?.Tell(new ConsoleEvent.Bound(consoleId, tableId, snapshot));
    }

    private void Unbind()
    {
        if (_tableId is { } old)
        {
            if (_feed is not null)
            {
                tables.For(old).Tell(new TableCommand.Unsubscribe(_feed));
            }

            _tableId = null;
            _output?.Tell(new ConsoleEvent.Unbound(consoleId, old));
        }
    }

    private void Dispatch(long sequence, DealerAction action, DateTimeOffset studioAt, ActorRef<ReadingAck>? ack)
    {
        if (_tableId is not { } tableId)
        {
            _output?.Tell(new ConsoleEvent.Refused(consoleId, sequence, action, _studioId is null ? ConsoleRefusal.NotAttached : ConsoleRefusal.NotBound));
            ack?.Tell(ReadingAck.Refused);
            return;
        }

        var stamp = new DealerStamp(consoleId, studioAt);
        var round = _roundNo;
        var answer = tables.For(tableId).Ask<TableCommand, TableReply>(r => Command(action, round, stamp, r), options.TableTimeout);
        Context.PipeToSelf(answer, reply => new ConsoleCommand.TableAnswered(sequence, action, reply, ack), _ => new ConsoleCommand.TableAnswered(sequence, action, null, ack));
    }

    private static TableCommand Command(DealerAction action, long round, DealerStamp stamp, ActorRef<TableReply> replyTo) => action switch
    {
        DealerAction.OpenRound => new TableCommand.OpenRound(stamp, replyTo),
        DealerAction.CloseBets => new TableCommand.CloseBets(round, stamp, replyTo),
        DealerAction.CardScanned c => new TableCommand.ScanCard(round, c.Card, null, c.PlacedOn, stamp, replyTo, c.ReadingId),
        DealerAction.Burn b => new TableCommand.BurnCard(b.Card, stamp, replyTo, b.ReadingId),
        DealerAction.CutCard => new TableCommand.ReachCutCard(stamp, replyTo),
        DealerAction.StartSpin => new TableCommand.StartSpin(round, stamp, replyTo),
        DealerAction.WheelResult w => new TableCommand.ReportSpin(round, w.Number, w.Revolutions, w.Fault, stamp, replyTo),
        DealerAction.Void v => new TableCommand.VoidRound(round, v.Reason, stamp, replyTo),
        DealerAction.ShoeChange => new TableCommand.ChangeShoe(stamp, replyTo),
        DealerAction.Rescan r => new TableCommand.RescanCard(round, r.Position, r.Card, r.Reason, stamp, replyTo),
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

    private void OnAnswered(ConsoleCommand.TableAnswered answered)
    {
        if (answered.Reply is not { } reply)
        {
            _output?.Tell(new ConsoleEvent.Refused(consoleId, answered.Sequence, answered.Action, ConsoleRefusal.TableUnavailable));
            answered.Ack?.Tell(ReadingAck.Unavailable);
            return;
        }

        if (reply is TableReply.CommandAccepted accepted && answered.Action is DealerAction.OpenRound)
        {
            _roundNo = Math.Max(_roundNo, accepted.RoundNo);
        }

        _output?.Tell(new ConsoleEvent.Answered(consoleId, answered.Sequence, answered.Action, reply));
        answered.Ack?.Tell(reply is TableReply.CommandAccepted ? ReadingAck.Accepted : ReadingAck.Refused);
    }

    private void OnTableNotified(TableNotification notification)
    {
        if (notification is not TableNotification.EventPersisted persisted || notification.TableId != _tableId)
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
