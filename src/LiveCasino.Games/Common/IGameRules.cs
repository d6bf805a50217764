namespace LiveCasino.Games.Common;

/// <summary>The shape every game shares: its spots, bet validation and settlement.</summary>
/// <typeparam name="TOutcome">A validated result of the round (a spin, a completed deal).</typeparam>
/// <typeparam name="TPaytable">The game's paytable value.</typeparam>
public interface IGameRules<in TOutcome, in TPaytable>
    where TPaytable : IPaytable
{
    /// <summary>Every spot of the layout with its payout under <paramref name="paytable"/>.</summary>
    IReadOnlyList<BetSpot> Spots(TPaytable paytable);

    /// <summary>Checks <paramref name="bet"/> against the layout and the caller's limits.</summary>
    /// <param name="acceptedThisRound">The same player's bets already accepted this round.</param>
    BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> acceptedThisRound);

    /// <summary>Settles accepted bets against the outcome; one entry per bet, in order.</summary>
    RoundSettlement Settle(IReadOnlyList<Bet> bets, TOutcome outcome, TPaytable paytable);
}
