namespace LiveCasino.Games.Common;

/// <summary>The limit checks every game applies once it knows the spot exists.</summary>
public static class BetValidation
{
    /// <summary>Checks amount and limits for a bet on a known spot of kind <paramref name="kind"/>.</summary>
    public static BetVerdict CheckLimits(Bet bet, string kind, BetLimits limits, IReadOnlyList<Bet> acceptedThisRound)
    {
        ArgumentNullException.ThrowIfNull(bet);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(acceptedThisRound);

        if (bet.Amount <= 0)
        {
            return BetVerdict.NonPositiveAmount;
        }

        if (acceptedThisRound.Count >= limits.BetsPerRoundMax)
        {
            return BetVerdict.TooManyBets;
        }

        var spotLimit = limits.For(kind);
        if (bet.Amount < spotLimit.Min)
        {
            return BetVerdict.BelowSpotMin;
        }

        // Accepted bets were validated, so their sums are bounded by RoundMax; Int128 guards a bad caller anyway.
        Int128 onSpot = bet.Amount;
        Int128 onRound = bet.Amount;
        foreach (var accepted in acceptedThisRound)
        {
            onRound += accepted.Amount;
            if (accepted.Spot == bet.Spot)
            {
                onSpot += accepted.Amount;
            }
        }

        if (onSpot > spotLimit.Max)
        {
            return BetVerdict.AboveSpotMax;
        }

        return onRound > limits.RoundMax ? BetVerdict.AboveRoundMax : BetVerdict.Accepted;
    }

    /// <summary>Settlement takes only accepted bets; anything else is a caller bug, not a player error.</summary>
    public static void RequireSettleable(Bet bet)
    {
        ArgumentNullException.ThrowIfNull(bet);
        if (bet.Amount <= 0)
        {
            throw new ArgumentException($"Bet {bet.Id} has a non-positive amount and can't be settled.", nameof(bet));
        }
    }
}
