using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Statistics;

namespace LiveCasino.Tables.State;

/// <summary>
/// A table's state as the fold of its events: configuration, the current round, the last settled
/// rounds (for corrections), the shoe, the wallet outbox and the statistics. Deterministic and free
/// of side effects: the actor decides and persists, this only applies.
/// </summary>
internal sealed partial class TableState(string tableId, TableOptions options)
{
    private readonly LinkedList<RoundState> _kept = new();
    private readonly Dictionary<string, OutboxEntry> _outbox = new(StringComparer.Ordinal);
    private readonly List<string> _newOutbox = [];

    public string TableId { get; } = tableId;

    public TableConfig? Config { get; private set; }

    public GameEngine? Engine { get; private set; }

    public long LastRoundNo { get; private set; }

    public RoundState? Current { get; private set; }

    public ShoeTracker? Shoe { get; private set; }

    public int ShoeCount { get; private set; }

    public TimeSpan StudioOffset { get; private set; }

    public TableStatistics Statistics { get; } = new(options.ResultsKept);

    public IReadOnlyDictionary<string, OutboxEntry> Outbox => _outbox;

    /// <summary>A round is in progress: opened and not yet settled or voided.</summary>
    public bool RoundInProgress => Current is { IsOver: false };

    public RoundPhase Phase => Current?.Phase ?? RoundPhase.None;

    public IEnumerable<RoundState> KeptRounds => _kept;

    public RoundState? RoundOf(long roundNo) =>
        Current?.RoundNo == roundNo ? Current : _kept.FirstOrDefault(r => r.RoundNo == roundNo);

    public DateTimeOffset StudioTimeOf(DateTimeOffset serverAt) => serverAt + StudioOffset;

    public void Apply(TableEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        StudioOffset = e.StudioAt - e.ServerAt;
        switch (e)
        {
            case TableConfigured c:
                Config = c.Config;
                Engine = GameEngine.For(c.Config);
                if (!Engine.UsesCards)
                {
                    Shoe = null;
                }

                break;
            case ShoeChanged s:
                Shoe = new ShoeTracker(s.ShoeNo, s.Decks);
                ShoeCount = s.ShoeNo;
                break;
            case CardBurned b:
                RequireShoe().Apply(ShoeOp.Burn, Card.Parse(b.Card));
                if (b.Source is not null)
                {
                    Shoe!.BurnSources.Add(b.Source);
                }

                break;
            case CutCardReached:
                RequireShoe().Apply(ShoeOp.CutCard);
                break;
            case ShoeFlagged f:
                RequireShoe().Apply(ShoeOp.Flag, Card.Parse(f.Card));
                break;
            case RoundOpened o:
                OpenRound(o);
                break;
            case BetsRequested r:
                ApplyRequested(r);
                break;
            case BetsAccepted a:
                ApplyAccepted(a);
                break;
            case BetsRejected r:
                ApplyRejected(r);
                break;
            case BetsCancelled c:
                ApplyCancelled(c);
                break;
            default:
                ApplyRoundFlow(e);
                break;
        }
    }

    public PlayerBets BetsOf(string playerId)
    {
        var round = Current;
        return new PlayerBets(TableId, round?.RoundNo ?? 0, playerId, round is null ? [] : [.. round.BetsOf(playerId).Select(b => b.ToView())]);
    }

    private void OpenRound(RoundOpened o)
    {
        var config = Config ?? throw new InvalidOperationException($"Table {TableId} opened round {o.RoundNo} before it was configured.");
        if (Current is { } previous)
        {
            if (!previous.IsOver || previous.PendingBets > 0)
            {
                throw new InvalidOperationException($"Table {TableId}: round {o.RoundNo} opened while round {previous.RoundNo} is {previous.Phase} with {previous.PendingBets} pending bets.");
            }

            _kept.AddFirst(previous);
            while (_kept.Count > options.SettledRoundsKept)
            {
                _kept.RemoveLast();
            }
        }

        if (o.RoundNo != LastRoundNo + 1)
        {
            throw new InvalidOperationException($"Table {TableId}: round {o.RoundNo} follows round {LastRoundNo}.");
        }

        LastRoundNo = o.RoundNo;
        Current = new RoundState(o, config.Currency);
        if (Engine!.UsesCards)
        {
            RequireShoe().Apply(ShoeOp.StartRound);
        }
    }

    private ShoeTracker RequireShoe() => Shoe ?? throw new InvalidOperationException($"Table {TableId} has no shoe.");

    private RoundState RequireRound(long roundNo) =>
        RoundOf(roundNo) ?? throw new InvalidOperationException($"Table {TableId} has no round {roundNo} in memory.");

    /// <summary>Outbox entries added since the last call (still owed), for the actor to send.</summary>
    public List<OutboxEntry> TakeNewOutbox()
    {
        var added = new List<OutboxEntry>(_newOutbox.Count);
        foreach (var id in _newOutbox)
        {
            if (_outbox.TryGetValue(id, out var entry))
            {
                added.Add(entry);
            }
        }

        _newOutbox.Clear();
        return added;
    }

    private void AddOutbox(OutboxEntry entry)
    {
        // Idempotent by operation id: the same owed operation is one entry.
        if (_outbox.TryAdd(entry.OperationId, entry))
        {
            _newOutbox.Add(entry.OperationId);
        }
    }
}
