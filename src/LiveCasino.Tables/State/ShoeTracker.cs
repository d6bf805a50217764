namespace LiveCasino.Tables.State;

/// <summary>
/// The shoe of a card table: the games library's <see cref="Shoe"/> plus the log of operations
/// that built it, so a re-scanned card can be swapped and the shoe rebuilt exactly (at most a few
/// hundred operations per shoe).
/// </summary>
internal sealed class ShoeTracker
{
    private readonly List<(ShoeOp Op, Card Card)> _log = [];

    public ShoeTracker(int shoeNo, int decks)
    {
        ShoeNo = shoeNo;
        Decks = decks;
        Shoe = Shoe.New(decks);
    }

    public int ShoeNo { get; }

    public int Decks { get; }

    public Shoe Shoe { get; private set; }

    /// <summary>Sensor readings already burned from this shoe (at most the 11 burn cards), for idempotent repeats.</summary>
    public HashSet<string> BurnSources { get; } = new(StringComparer.Ordinal);

    /// <summary>What the operation would do, without doing it.</summary>
    public ShoeStep Try(ShoeOp op, Card card = default) => Run(Shoe, op, card);

    /// <summary>Applies an operation an event recorded; an impossible card flags the shoe.</summary>
    public void Apply(ShoeOp op, Card card = default)
    {
        var step = Run(Shoe, op, card);
        if (!step.IsAccepted && step.Rejection != ShoeRejection.ImpossibleCard)
        {
            throw new InvalidOperationException($"Shoe {ShoeNo}: recorded {op} {card} was refused ({step.Rejection}).");
        }

        Shoe = step.Shoe;
        _log.Add((op, card));
    }

    /// <summary>
    /// Whether the <paramref name="position"/>-th card drawn in the round in progress can be
    /// <paramref name="replacement"/> instead; applies it when <paramref name="commit"/>.
    /// </summary>
    public ShoeRejection Replace(int position, Card replacement, bool commit)
    {
        var start = _log.FindLastIndex(e => e.Op == ShoeOp.StartRound);
        var draws = _log.Select((e, i) => (e, i)).Where(x => x.i > start && x.e.Op == ShoeOp.Draw).Select(x => x.i).ToList();
        if (start < 0 || position < 1 || position > draws.Count)
        {
            return ShoeRejection.NoRoundInProgress;
        }

        var log = _log.ToList();
        log[draws[position - 1]] = (ShoeOp.Draw, replacement);
        var shoe = Shoe.New(Decks);
        foreach (var (op, card) in log)
        {
            var step = Run(shoe, op, card);
            if (!step.IsAccepted && op != ShoeOp.Flag)
            {
                return step.Rejection;
            }

            shoe = step.Shoe;
        }

        if (commit)
        {
            _log.Clear();
            _log.AddRange(log);
            Shoe = shoe;
        }

        return ShoeRejection.None;
    }

    public ShoeSnapshot ToSnapshot() =>
        new(ShoeNo, Decks, [.. _log.Select(e => new ShoeLogEntry(e.Op, e.Op is ShoeOp.Burn or ShoeOp.Draw or ShoeOp.Flag ? e.Card.ToString() : null))], [.. BurnSources]);

    public static ShoeTracker Restore(ShoeSnapshot snapshot)
    {
        var tracker = new ShoeTracker(snapshot.ShoeNo, snapshot.Decks);
        foreach (var entry in snapshot.Log)
        {
            tracker.Apply(entry.Op, entry.Card is null ? default : Card.Parse(entry.Card));
        }

        tracker.BurnSources.UnionWith(snapshot.BurnSources);
        return tracker;
    }

    private static ShoeStep Run(Shoe shoe, ShoeOp op, Card card) => op switch
    {
        ShoeOp.Burn => shoe.Burn(card),
        ShoeOp.StartRound => shoe.StartRound(),
        ShoeOp.Draw or ShoeOp.Flag => shoe.Draw(card),
        ShoeOp.EndRound => shoe.EndRound(),
        ShoeOp.CutCard => shoe.ReachCutCard(),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown shoe operation."),
    };
}

/// <summary>Shoe operations a table records.</summary>
internal enum ShoeOp
{
    Burn,
    StartRound,
    Draw,
    EndRound,
    CutCard,

    /// <summary>An impossible card was scanned: not counted, but the shoe is flagged.</summary>
    Flag,
}
