using LiveCasino.Tables.Events;
using LiveCasino.Tables.GameRules;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.State;

/// <summary>
/// One round: its phase and clock, every bet recorded in it with limit counters, the cards or
/// spin, the result and the payouts. Mutated only by <see cref="TableState"/> applying events.
/// </summary>
internal sealed class RoundState(RoundOpened opened, string currency)
{
    private readonly Dictionary<long, BetRecord> _bets = [];
    private readonly Dictionary<string, List<BetRecord>> _byPlayer = new(StringComparer.Ordinal);

    public long RoundNo { get; } = opened.RoundNo;

    public DateTimeOffset OpenedAt { get; } = opened.ServerAt;

    public DateTimeOffset ClosesAt { get; set; } = opened.ClosesAt;

    public PaytableRef Paytable { get; } = opened.Paytable;

    public string Currency { get; } = currency;

    public RoundPhase Phase { get; set; } = RoundPhase.BettingOpen;

    public long LastBetNo { get; set; }

    /// <summary>Pending or accepted bets (the round limits count these).</summary>
    public int ActiveBets { get; private set; }

    public long ActiveStake { get; private set; }

    public int PendingBets { get; private set; }

    public int AcceptedBets { get; private set; }

    public long AcceptedStake { get; private set; }

    public List<DealtCard> Cards { get; } = [];

    public RoundResult? Result { get; set; }

    public long TotalReturned { get; set; }

    public int Corrections { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    public bool IsOver => Phase is RoundPhase.Settled or RoundPhase.Voided;

    public IReadOnlyDictionary<long, BetRecord> Bets => _bets;

    public IEnumerable<BetRecord> Pending => _bets.Values.Where(b => b.Status == BetStatus.Pending);

    public IEnumerable<BetRecord> Accepted => _bets.Values.Where(b => b.Status == BetStatus.Accepted);

    public IReadOnlyList<BetRecord> BetsOf(string playerId) => _byPlayer.TryGetValue(playerId, out var list) ? list : [];

    public BetRecord? Find(string playerId, string betId) => BetsOf(playerId).FirstOrDefault(b => string.Equals(b.BetId, betId, StringComparison.Ordinal));

    public void Add(BetRecord bet)
    {
        if (!_bets.TryAdd(bet.BetNo, bet))
        {
            throw new InvalidOperationException($"Round {RoundNo} already has bet {bet.BetNo}.");
        }

        if (!_byPlayer.TryGetValue(bet.PlayerId, out var list))
        {
            _byPlayer[bet.PlayerId] = list = [];
        }

        list.Add(bet);
        LastBetNo = Math.Max(LastBetNo, bet.BetNo);
        ActiveBets++;
        PendingBets++;
        ActiveStake += bet.Stake;
    }

    /// <summary>Moves a bet to <paramref name="status"/>, keeping the counters in step.</summary>
    public void Move(BetRecord bet, BetStatus status)
    {
        if (bet.Status == status)
        {
            return;
        }

        var wasActive = bet.IsActive;
        if (bet.Status == BetStatus.Pending)
        {
            PendingBets--;
        }
        else if (bet.Status == BetStatus.Accepted)
        {
            AcceptedBets--;
            AcceptedStake -= bet.Stake;
        }

        bet.Status = status;
        if (status == BetStatus.Accepted)
        {
            AcceptedBets++;
            AcceptedStake += bet.Stake;
        }
        else if (status == BetStatus.Pending)
        {
            PendingBets++;
        }

        if (wasActive && !bet.IsActive)
        {
            ActiveBets--;
            ActiveStake -= bet.Stake;
        }

        System.Diagnostics.Debug.Assert(ActiveBets >= 0 && PendingBets >= 0 && AcceptedBets >= 0, "bet counters never go negative");
    }

    /// <summary>The player's active lines as the games library's bets, without <paramref name="except"/>.</summary>
    public List<Bet> ActiveLinesOf(string playerId, long? except)
    {
        var lines = new List<Bet>();
        foreach (var bet in BetsOf(playerId))
        {
            if (bet.IsActive && bet.BetNo != except)
            {
                for (var i = 0; i < bet.Lines.Count; i++)
                {
                    lines.Add(GameEngine.LineBet(bet.BetNo, i, bet.Lines[i]));
                }
            }
        }

        return lines;
    }

    public RoundSnapshot ToSnapshot() => new(
        RoundNo, Phase, OpenedAt, ClosesAt, Paytable, Currency, LastBetNo, [.. Cards], Result, TotalReturned, Corrections, ClosedAt, SettledAt,
        [.. _bets.Values.OrderBy(b => b.BetNo).Select(b => new BetSnapshot(b.ToRequest(), b.Status, b.Reason, b.DecidedAt, b.Returned))]);

    public static RoundState Restore(RoundSnapshot s)
    {
        var round = new RoundState(new RoundOpened(s.RoundNo, s.OpenedAt, s.OpenedAt, s.ClosesAt, s.Paytable, "snapshot"), s.Currency)
        {
            Phase = s.Phase,
            Result = s.Result,
            TotalReturned = s.TotalReturned,
            Corrections = s.Corrections,
            ClosedAt = s.ClosedAt,
            SettledAt = s.SettledAt,
        };
        round.Cards.AddRange(s.Cards);
        foreach (var b in s.Bets)
        {
            var bet = new BetRecord(b.Request) { Reason = b.Reason, DecidedAt = b.DecidedAt, Returned = b.Returned };
            round.Add(bet);
            round.Move(bet, b.Status);
        }

        round.LastBetNo = s.LastBetNo;
        return round;
    }

    public int ActiveBetsOf(string playerId, long? except) => BetsOf(playerId).Count(b => b.IsActive && b.BetNo != except);
}
