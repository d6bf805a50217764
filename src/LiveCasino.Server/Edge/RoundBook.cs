using System.Globalization;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Who bet what in the last few rounds of a table, folded from the table's bet events, so a
/// settlement, void or correction can carry each player's own part ("my payout") and a wallet
/// confirmation can be traced to the player whose balance changed. Bounded: <see cref="RoundsKept"/>
/// rounds, each at most the table's bets-per-round ceiling.
/// </summary>
internal sealed class RoundBook
{
    public const int RoundsKept = 3;

    private const int BetsPerRoundMax = Tables.Configuration.TableLimits.BetsPerRoundCeiling;

    private readonly LinkedList<(long RoundNo, Dictionary<long, Tracked> Bets)> _rounds = new();

    public void OnRequested(long roundNo, IReadOnlyList<BetRequest> requests)
    {
        var bets = Round(roundNo);
        foreach (var r in requests)
        {
            if (bets.Count < BetsPerRoundMax)
            {
                bets.TryAdd(r.BetNo, new Tracked(r.PlayerId, r.BetId, r.Stake, BetStatus.Pending, r.Replaces));
            }
        }
    }

    public void OnStatus(long roundNo, long betNo, BetStatus status)
    {
        var bets = Round(roundNo);
        if (!bets.TryGetValue(betNo, out var bet))
        {
            return;
        }

        bets[betNo] = bet with { Status = status };
        if (status == BetStatus.Accepted && bet.Replaces is { } old && bets.TryGetValue(old, out var replaced))
        {
            bets[old] = replaced with { Status = BetStatus.Replaced };
        }
    }

    /// <summary>A player's bets as the table reported them on join (bets placed before this feed subscribed).</summary>
    public void Seed(PlayerBets player)
    {
        var bets = Round(player.RoundNo);
        foreach (var b in player.Bets)
        {
            if (bets.Count < BetsPerRoundMax && !bets.ContainsKey(b.BetNo))
            {
                bets[b.BetNo] = new Tracked(player.PlayerId, b.BetId, b.Stake, b.Status, null);
            }
        }
    }

    /// <summary>Each player's payouts in a settlement (or a correction's new payouts).</summary>
    public Dictionary<string, MyRoundView> Payouts(long roundNo, IReadOnlyList<BetPayout> payouts, IReadOnlyList<Adjustment>? adjustments = null)
    {
        var bets = Find(roundNo);
        var mine = new Dictionary<string, List<MyBetResultView>>(StringComparer.Ordinal);
        foreach (var p in payouts)
        {
            if (bets is not null && bets.TryGetValue(p.BetNo, out var bet))
            {
                Add(mine, bet.PlayerId, new MyBetResultView(bet.BetId, p.BetNo, p.Stake, p.Returned));
            }
        }

        var result = mine.ToDictionary(kv => kv.Key, kv => Sum(kv.Value), StringComparer.Ordinal);
        foreach (var a in adjustments ?? [])
        {
            result[a.PlayerId] = result.TryGetValue(a.PlayerId, out var my)
                ? my with { Adjustment = (my.Adjustment ?? 0) + a.Amount }
                : new MyRoundView(0, 0, 0, []) { Adjustment = a.Amount };
        }

        return result;
    }

    /// <summary>Each player's refunds when the round is void: every accepted bet returns its stake.</summary>
    public Dictionary<string, MyRoundView> Refunds(long roundNo)
    {
        var mine = new Dictionary<string, List<MyBetResultView>>(StringComparer.Ordinal);
        foreach (var (betNo, bet) in Find(roundNo) ?? [])
        {
            if (bet.Status == BetStatus.Accepted)
            {
                Add(mine, bet.PlayerId, new MyBetResultView(bet.BetId, betNo, bet.Stake, bet.Stake));
            }
        }

        return mine.ToDictionary(kv => kv.Key, kv => Sum(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// The player a table's wallet operation id belongs to ("table/round/betNo/kind", see the
    /// tables' WalletOperationIds), or null when the bet is not in the book.
    /// </summary>
    public string? PlayerOfOperation(string operationId)
    {
        var parts = operationId.Split('/');
        if (parts.Length < 4
            || !long.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var roundNo)
            || !long.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var betNo))
        {
            return null;
        }

        return Find(roundNo) is { } bets && bets.TryGetValue(betNo, out var bet) ? bet.PlayerId : null;
    }

    private static void Add(Dictionary<string, List<MyBetResultView>> mine, string player, MyBetResultView bet)
    {
        if (!mine.TryGetValue(player, out var list))
        {
            list = [];
            mine[player] = list;
        }

        list.Add(bet);
    }

    private static MyRoundView Sum(List<MyBetResultView> bets)
    {
        var stake = bets.Sum(b => b.Stake);
        var returned = bets.Sum(b => b.Returned);
        return new MyRoundView(stake, returned, returned - stake, bets);
    }

    private Dictionary<long, Tracked>? Find(long roundNo) => _rounds.FirstOrDefault(r => r.RoundNo == roundNo).Bets;

    private Dictionary<long, Tracked> Round(long roundNo)
    {
        if (Find(roundNo) is { } existing)
        {
            return existing;
        }

        var bets = new Dictionary<long, Tracked>();
        if (_rounds.Count >= RoundsKept && roundNo < _rounds.First!.Value.RoundNo)
        {
            return bets; // older than every round kept: not worth evicting a newer one
        }

        _rounds.AddLast((roundNo, bets));
        while (_rounds.Count > RoundsKept)
        {
            _rounds.RemoveFirst();
        }

        return bets;
    }

    private sealed record Tracked(string PlayerId, string BetId, long Stake, BetStatus Status, long? Replaces);
}
