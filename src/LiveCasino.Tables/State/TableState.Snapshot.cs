namespace LiveCasino.Tables.State;

/// <summary>Snapshots of the table state, taken between records only.</summary>
internal sealed partial class TableState
{
    public TableStateSnapshot ToSnapshot(RecordChain chain)
    {
        if (RoundInProgress || chain.OpenEvents > 0)
        {
            throw new InvalidOperationException($"Table {TableId} takes snapshots only between records.");
        }

        var stats = Statistics.Export();
        var rounds = (Current is null ? Enumerable.Empty<RoundState>() : [Current]).Concat(_kept).Select(r => r.ToSnapshot()).ToList();
        return new TableStateSnapshot(
            Config,
            LastRoundNo,
            ShoeCount,
            StudioOffset.Ticks,
            rounds,
            Shoe?.ToSnapshot(),
            [.. _outbox.Values],
            [.. stats.Results.Select(r => new ResultEntry(r.RoundNo, r.ShoeNo, r.Result))],
            stats.Turnover,
            stats.RoundEnds,
            chain.LastHash,
            chain.LastSealedRound,
            chain.Break);
    }

    public void Restore(TableStateSnapshot snapshot, RecordChain chain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Config = snapshot.Config;
        Engine = snapshot.Config is null ? null : GameRules.GameEngine.For(snapshot.Config);
        LastRoundNo = snapshot.LastRoundNo;
        ShoeCount = snapshot.ShoeCount;
        StudioOffset = TimeSpan.FromTicks(snapshot.StudioOffsetTicks);
        var rounds = snapshot.Rounds.Select(RoundState.Restore).ToList();
        Current = rounds.FirstOrDefault();
        _kept.Clear();
        foreach (var kept in rounds.Skip(1))
        {
            _kept.AddLast(kept);
        }

        Shoe = snapshot.Shoe is null ? null : ShoeTracker.Restore(snapshot.Shoe);
        _outbox.Clear();
        _newOutbox.Clear();
        foreach (var entry in snapshot.Outbox)
        {
            AddOutbox(entry);
        }

        Statistics.Restore(snapshot.Results.Select(r => (r.RoundNo, r.ShoeNo, r.Result)), snapshot.Turnover, snapshot.RoundEnds);
        chain.Restore(snapshot.ChainLastHash, snapshot.ChainLastSealedRound, snapshot.ChainBreak);
    }
}
