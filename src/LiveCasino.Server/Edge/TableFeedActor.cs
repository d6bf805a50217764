using Akka.Actor;
using LiveCasino.Sharding;
using LiveCasino.Server.Hubs;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using Microsoft.AspNetCore.SignalR;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The one subscriber of a table on this node. It checks that the table's events arrive without a
/// gap (else it subscribes again, adopts the fresh snapshot and has every viewer resync), keeps the
/// lobby view and the bet book, and for each event viewers get builds the frame once (plus one per
/// player who had bets, for settlements) and offers it to every viewer's outbox. Offering never
/// waits, so no viewer can slow the table or the other viewers. Its periodic check and the viewer
/// count updates run on the node's injected clock, like the tables' own timers.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors are not disposable; the timers are disposed in PostStop.")]
internal sealed class TableFeedActor(TableFeed feed, TableHost tables, BalanceNotifier balances, EdgeOptions options, TimeProvider time) : UntypedActor
{
    /// <summary>
    /// The feed's bounded mailbox (hocon/base.conf): a feed 100,000 messages behind drops what comes
    /// next to dead letters; the sequence gap that leaves makes it subscribe again and its viewers resync.
    /// </summary>
    public const string Mailbox = "livecasino.mailboxes.table-feed";

    private const string CheckTimer = "check";
    private const string ViewerTimerKey = "viewers";

    /// <summary>How soon after the table's actor stopped (it moved, its node died) the feed subscribes again.</summary>
    private static readonly TimeSpan ResubscribeAfterMove = TimeSpan.FromMilliseconds(250);

    private readonly RoundBook _book = new();
    private IActorRef? _table;
    private bool _subscribed;
    private bool _awaitingSnapshot;
    private long _lastSeq;
    private long _lastForwarded;
    private FeedView _view = FeedView.Empty;

    private ClockTimers? _timers;

    private string TableId => feed.TableId;

    private ClockTimers Timers => _timers ??= new ClockTimers(Self, time);

    protected override void PreStart()
    {
        Subscribe();
        Timers.StartSingleTimer(CheckTimer, new FeedMessage.Check(), time.GetUtcNow() + options.FeedCheckInterval);
    }

    protected override void PostStop()
    {
        _timers?.Dispose();
        tables.Tell(TableId, new TableCommand.Unsubscribe(), Self);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case TableNotification.Subscribed s:
                Watch(Sender);
                OnSubscribed(s.Snapshot);
                break;
            case Terminated t when t.ActorRef.Equals(_table):
                // The table stopped where it ran (a move, a crash, its node downed): it forgot us.
                // Subscribe again soon, not at the next periodic check; the region holds the message
                // until the table runs again, wherever that is.
                _table = null;
                Timers.StartSingleTimer(CheckTimer, new FeedMessage.Check(), time.GetUtcNow() + (options.FeedCheckInterval < ResubscribeAfterMove ? options.FeedCheckInterval : ResubscribeAfterMove));
                break;
            case Terminated:
                break; // a table actor we watched before and no longer follow
            case TableNotification.EventPersisted e:
                OnEvent(e);
                break;
            case ClockTimers.Tick tick:
                if (Timers.Accept(tick) is { } due)
                {
                    OnReceive(due);
                }

                break;
            case FeedMessage.Check:
                Subscribe();
                Timers.StartSingleTimer(CheckTimer, new FeedMessage.Check(), time.GetUtcNow() + options.FeedCheckInterval);
                break;
            case FeedMessage.StatsFetched { Snapshot: { } s }:
                OnStats(s);
                break;
            case FeedMessage.StatsFetched:
                break; // the table did not answer in time: the next round end asks again
            case FeedMessage.ViewersChanged:
                if (!Timers.IsActive(ViewerTimerKey))
                {
                    Timers.StartSingleTimer(ViewerTimerKey, new FeedMessage.ViewerTimer(), time.GetUtcNow() + options.ViewerUpdateInterval);
                }

                break;
            case FeedMessage.ViewerTimer:
                tables.Tell(TableId, new TableCommand.SetViewers(feed.ViewerCount), Self);
                if (_view.Stats is { } stats)
                {
                    BroadcastStats(_lastSeq, stats);
                }

                break;
            case FeedMessage.SeedBets s:
                _book.Seed(s.Bets);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Watches the table's actor, so its stopping (anywhere in the cluster) is known at once.</summary>
    private void Watch(IActorRef table)
    {
        if (table.Equals(_table) || table.IsNobody())
        {
            return;
        }

        if (_table is not null)
        {
            Context.Unwatch(_table);
        }

        _table = table;
        Context.Watch(table);
    }

    /// <summary>Subscribing is idempotent; the table answers its snapshot every time.</summary>
    private void Subscribe() => tables.Tell(TableId, new TableCommand.Subscribe(), Self);

    private void OnSubscribed(TableSnapshot snapshot)
    {
        feed.Remember(snapshot);
        if (_subscribed && !_awaitingSnapshot && snapshot.SequenceNr <= _lastSeq)
        {
            // Nothing missed: the events up to here arrived before this answer.
            Adopt(snapshot, statsOnly: true);
            return;
        }

        var missed = _subscribed;
        _subscribed = true;
        _awaitingSnapshot = false;
        _lastSeq = snapshot.SequenceNr;
        _lastForwarded = snapshot.SequenceNr;
        Adopt(snapshot, statsOnly: false);
        if (feed.ViewerCount > 0)
        {
            // A table that (re)started knows no member's viewers: tell it ours.
            tables.Tell(TableId, new TableCommand.SetViewers(feed.ViewerCount), Self);
        }

        if (missed)
        {
            // The table restarted (and forgot us) or an event was lost: every viewer starts again from a snapshot.
            foreach (var viewer in feed.Viewers)
            {
                viewer.RequestResync(TableId, "gap");
            }
        }
    }

    private void OnEvent(TableNotification.EventPersisted e)
    {
        if (!_subscribed || _awaitingSnapshot || e.SequenceNr <= _lastSeq)
        {
            return; // before our snapshot, waiting for a fresh one, or already seen
        }

        if (e.SequenceNr != _lastSeq + 1)
        {
            _awaitingSnapshot = true;
            Subscribe();
            return;
        }

        _lastSeq = e.SequenceNr;
        Track(e);
        if (TableEventViews.Map(e, _lastForwarded, _view.Config?.Game, _view.Result) is { } mapped)
        {
            Broadcast(e.SequenceNr, mapped.Target, mapped.View, PersonalParts(e.Event));
            _lastForwarded = e.SequenceNr;
        }

        _view = _view with { Seq = _lastSeq };
        feed.Publish(_view);
        if (e.Event is RoundSettled or RoundVoided or RoundResettled)
        {
            tables.AskAsync<TableSnapshot>(TableId, new TableCommand.GetSnapshot(), options.AskTimeout)
                .PipeTo(Self, success: s => new FeedMessage.StatsFetched(s), failure: _ => new FeedMessage.StatsFetched(null));
        }
    }

    private void Track(TableNotification.EventPersisted e)
    {
        switch (e.Event)
        {
            case TableConfigured c:
                _view = _view with { Config = c.Config };
                break;
            case RoundOpened o:
                _view = _view with { RoundNo = o.RoundNo, Phase = RoundPhase.BettingOpen, ClosesAt = o.ClosesAt, Result = null };
                break;
            case BettingClosed:
                _view = _view with { Phase = RoundPhase.BettingClosed };
                break;
            case DealingStarted or CardDealt:
                _view = _view with { Phase = RoundPhase.Dealing };
                break;
            case ResultConfirmed r:
                _view = _view with { Phase = RoundPhase.ResultConfirmed, Result = r.Result };
                break;
            case RoundSettled:
                _view = _view with { Phase = RoundPhase.Settled };
                break;
            case RoundVoided:
                _view = _view with { Phase = RoundPhase.Voided };
                break;
            case BetsRequested b:
                _book.OnRequested(b.RoundNo, b.Bets);
                break;
            case BetsAccepted a:
                foreach (var bet in a.Bets)
                {
                    _book.OnStatus(a.RoundNo, bet.BetNo, BetStatus.Accepted);
                }

                break;
            case BetsRejected r:
                foreach (var bet in r.Bets)
                {
                    _book.OnStatus(r.RoundNo, bet.BetNo, BetStatus.Rejected);
                }

                break;
            case BetsCancelled c:
                foreach (var betNo in c.BetNos)
                {
                    _book.OnStatus(c.RoundNo, betNo, BetStatus.Cancelled);
                }

                break;
            case WalletOperationsConfirmed w:
                foreach (var player in w.OperationIds.Select(_book.PlayerOfOperation).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    balances.Notify(player, "settlement");
                }

                break;
        }
    }

    /// <summary>Each player's part of a settlement, void or correction; null for other events.</summary>
    private Dictionary<string, MyRoundView>? PersonalParts(TableEvent e) => e switch
    {
        RoundSettled s => _book.Payouts(s.RoundNo, s.Payouts),
        RoundVoided v => _book.Refunds(v.RoundNo),
        RoundResettled r => _book.Payouts(r.RoundNo, r.Payouts, r.Adjustments),
        _ => null,
    };

    private void Broadcast(long seq, string target, TableEventView view, Dictionary<string, MyRoundView>? personal)
    {
        var shared = HubFrames.Event(target, view, HubJsonContext.Default.TableEventView);
        Dictionary<string, SerializedHubMessage>? mine = null;
        if (personal is { Count: > 0 })
        {
            // Personal frames only for players watching here (a bettor who left gets none).
            foreach (var viewer in feed.Viewers)
            {
                if (viewer.Who.PlayerId is { } player && personal.TryGetValue(player, out var my) && !(mine?.ContainsKey(player) ?? false))
                {
                    mine ??= new Dictionary<string, SerializedHubMessage>(StringComparer.Ordinal);
                    mine[player] = HubFrames.Event(target, view with { My = my }, HubJsonContext.Default.TableEventView);
                }
            }
        }

        feed.FanOut(new Outgoing(TableId, seq, shared), mine);
    }

    private void OnStats(TableSnapshot snapshot)
    {
        feed.Remember(snapshot);
        Adopt(snapshot, statsOnly: true);
        BroadcastStats(snapshot.SequenceNr, snapshot.Statistics);
    }

    private void BroadcastStats(long seq, Tables.Statistics.TableStatisticsView stats)
    {
        var viewers = feed.Viewers;
        if (viewers.Count == 0)
        {
            return;
        }

        var frame = HubFrames.Event("tableStats", new TableStatsEvent(TableId, seq, Views.Stats(stats, viewers.Count)), HubJsonContext.Default.TableStatsEvent);
        feed.FanOut(new Outgoing(TableId, 0, frame));
    }

    private void Adopt(TableSnapshot s, bool statsOnly)
    {
        _view = statsOnly
            ? _view with { Stats = s.Statistics, Config = _view.Config ?? s.Config }
            : new FeedView(s.Config, s.RoundNo, s.Phase, s.ClosesAt, s.SequenceNr, s.Result, s.Statistics);
        feed.Publish(_view);
    }
}
