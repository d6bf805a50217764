using LiveCasino.Games.Baccarat;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.GameRules;

/// <summary>
/// One game's rules as the table needs them: validate a bet line, check a card or a spin, tell when
/// the deal is complete, describe the result and settle bets. Pure; the games library does the math.
/// </summary>
internal abstract class GameEngine
{
    protected GameEngine(TableConfig config)
    {
        Config = config;
        Paytable = Paytables.Get(config.Game, config.Paytable);
    }

    public TableConfig Config { get; }

    public IPaytable Paytable { get; }

    public abstract bool UsesCards { get; }

    public static GameEngine For(TableConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Game switch
        {
            GameKind.Roulette => new RouletteEngine(config),
            GameKind.Baccarat => new BaccaratEngine(config),
            GameKind.DragonTiger => new DragonTigerEngine(config),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Game, "Unknown game."),
        };
    }

    public abstract BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> playerLines);

    /// <summary>Whether <paramref name="card"/> may follow <paramref name="dealt"/> (cards only).</summary>
    public virtual CardCheck CheckCard(IReadOnlyList<DealtCard> dealt, Card card, BaccaratHand? placedOn) =>
        CardCheck.Refuse(TableRejection.WrongGame, "This game deals no cards.");

    public virtual bool IsComplete(IReadOnlyList<DealtCard> dealt) => false;

    /// <summary>The result of a complete deal (cards only).</summary>
    public virtual RoundResult ResultOf(IReadOnlyList<DealtCard> dealt) => throw new InvalidOperationException("This game deals no cards.");

    /// <summary>The result of a spin, or why it does not stand (roulette only).</summary>
    public virtual (RoundResult? Result, TableRejection? Rejection, string Detail) CheckSpin(int number, int revolutions, bool fault) =>
        (null, TableRejection.WrongGame, "This game has no wheel.");

    public abstract RoundSettlement Settle(IReadOnlyList<Bet> bets, RoundResult result);

    /// <summary>Replays a full corrected deal (card games) and returns its result, or why it is not a valid deal.</summary>
    public (RoundResult? Result, TableRejection? Rejection, string Detail) Replay(IReadOnlyList<string> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var dealt = new List<DealtCard>();
        foreach (var text in cards)
        {
            if (!Card.TryParse(text, out var card))
            {
                return (null, TableRejection.InvalidCard, $"'{text}' is not a card.");
            }

            var check = CheckCard(dealt, card, null);
            if (check.Rejection is { } reason)
            {
                return (null, reason, check.Detail);
            }

            dealt.Add(new DealtCard(dealt.Count + 1, card.ToString(), check.Hand));
        }

        return IsComplete(dealt) ? (ResultOf(dealt), null, string.Empty) : (null, TableRejection.BreaksDrawingRules, "The corrected deal is incomplete.");
    }

    /// <summary>Bet lines as the games library's bets; line i of bet n has id n * 64 + i.</summary>
    public static Bet LineBet(long betNo, int line, BetLine bet)
    {
        ArgumentNullException.ThrowIfNull(bet);
        return new Bet(new BetId((betNo * TableLimits.LinesPerBetCeiling) + line), new SpotId(bet.Spot), bet.Amount);
    }

    public static long BetNoOf(BetId lineId) => lineId.Value / TableLimits.LinesPerBetCeiling;
}
