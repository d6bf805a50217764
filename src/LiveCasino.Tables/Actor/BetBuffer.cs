using Akka.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// Decisions taken since the last journal write, persisted together by the next flush (group
/// commit inside the table): requests not yet recorded, acceptances, refusals, cancellations and
/// wallet confirmations. Requests count against limits from the moment they are buffered.
/// </summary>
internal sealed class BetBuffer
{
    private readonly Dictionary<string, List<BetRequest>> _requestsByPlayer = new(StringComparer.Ordinal);
    private readonly HashSet<long> _decided = [];

    public List<BetRequest> Requests { get; } = [];

    public long RequestedStake { get; private set; }

    public List<AcceptedBet> Accepts { get; } = [];

    public List<RejectedBet> Rejects { get; } = [];

    public List<long> Cancels { get; } = [];

    public HashSet<string> Confirms { get; } = new(StringComparer.Ordinal);

    public List<string> Reroutes { get; } = [];

    /// <summary>Replies to send once the buffered decisions are durable.</summary>
    public List<(IActorRef To, TableReply Reply)> Replies { get; } = [];

    public bool IsEmpty => Requests.Count == 0 && Accepts.Count == 0 && Rejects.Count == 0 && Cancels.Count == 0 && Confirms.Count == 0 && Reroutes.Count == 0;

    public bool HasBetDecisions => Requests.Count > 0 || Accepts.Count > 0 || Rejects.Count > 0 || Cancels.Count > 0;

    public void Request(BetRequest request)
    {
        Requests.Add(request);
        RequestedStake += request.Stake;
        if (!_requestsByPlayer.TryGetValue(request.PlayerId, out var list))
        {
            _requestsByPlayer[request.PlayerId] = list = [];
        }

        list.Add(request);
    }

    public IReadOnlyList<BetRequest> RequestsOf(string playerId) => _requestsByPlayer.TryGetValue(playerId, out var list) ? list : [];

    public IEnumerable<Bet> RequestedLinesOf(string playerId) =>
        RequestsOf(playerId).SelectMany(r => r.Lines.Select((line, i) => GameEngine.LineBet(r.BetNo, i, line)));

    /// <summary>False when the bet already has a decision waiting in this buffer.</summary>
    public bool Decide(long betNo) => _decided.Add(betNo);

    public bool IsDecided(long betNo) => _decided.Contains(betNo);

    /// <summary>Forgets the requests not yet recorded (their limits are released with them).</summary>
    public void DropRequests()
    {
        Requests.Clear();
        _requestsByPlayer.Clear();
        RequestedStake = 0;
    }

    public void Clear()
    {
        Requests.Clear();
        _requestsByPlayer.Clear();
        RequestedStake = 0;
        Accepts.Clear();
        Rejects.Clear();
        Cancels.Clear();
        Confirms.Clear();
        Reroutes.Clear();
        Replies.Clear();
        _decided.Clear();
    }
}
