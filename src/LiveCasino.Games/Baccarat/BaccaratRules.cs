namespace LiveCasino.Games.Baccarat;

/// <summary>Punto Banco bets: validation and settlement. Pure and thread-safe.</summary>
public sealed class BaccaratRules : IGameRules<BaccaratOutcome, BaccaratPaytable>
{
    public IReadOnlyList<BetSpot> Spots(BaccaratPaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(paytable);
        var banker = paytable.BankerOnSix is null ? "Banker wins (5% commission)" : "Banker wins (pays half on a winning 6)";
        return
        [
            new(BaccaratSpots.Player, "player", paytable.Player, "Player wins; push on a tie"),
            new(BaccaratSpots.Banker, "banker", paytable.Banker, banker + "; push on a tie"),
            new(BaccaratSpots.Tie, "tie", paytable.Tie, "Player and Banker totals equal"),
            new(BaccaratSpots.PlayerPair, "player-pair", paytable.PlayerPair, "Player's first two cards share a rank"),
            new(BaccaratSpots.BankerPair, "banker-pair", paytable.BankerPair, "Banker's first two cards share a rank"),
        ];
    }

    public BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> acceptedThisRound)
    {
        ArgumentNullException.ThrowIfNull(bet);
        return BaccaratSpots.All.Contains(bet.Spot)
            ? BetValidation.CheckLimits(bet, bet.Spot.Value, limits, acceptedThisRound)
            : BetVerdict.UnknownSpot;
    }

    public RoundSettlement Settle(IReadOnlyList<Bet> bets, BaccaratOutcome outcome, BaccaratPaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(bets);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(paytable);
        return new RoundSettlement(paytable.Ref, [.. bets.Select(b => SettleOne(b, outcome, paytable))], IsVoid: false);
    }

    private static BetSettlement SettleOne(Bet bet, BaccaratOutcome outcome, BaccaratPaytable paytable)
    {
        BetValidation.RequireSettleable(bet);
        var winner = outcome.Winner;

        BetSettlement Win(Payout payout) => BetSettlement.Win(bet, payout);
        BetSettlement Lose() => BetSettlement.Lose(bet);
        BetSettlement Push() => BetSettlement.Push(bet);

        return bet.Spot.Value switch
        {
            "player" => winner switch
            {
                BaccaratWinner.Player => Win(paytable.Player),
                BaccaratWinner.Tie => Push(),
                _ => Lose(),
            },

            // Commission is taken by rounding the 0.95:1 winnings down to the minor unit (house's favour).
            "banker" => winner switch
            {
                BaccaratWinner.Banker => Win(outcome.BankerTotal == 6 && paytable.BankerOnSix is { } onSix ? onSix : paytable.Banker),
                BaccaratWinner.Tie => Push(),
                _ => Lose(),
            },
            "tie" => winner == BaccaratWinner.Tie ? Win(paytable.Tie) : Lose(),
            "player-pair" => outcome.PlayerPair ? Win(paytable.PlayerPair) : Lose(),
            "banker-pair" => outcome.BankerPair ? Win(paytable.BankerPair) : Lose(),
            _ => throw new ArgumentException($"Bet {bet.Id} is on '{bet.Spot}', not a baccarat spot.", nameof(bet)),
        };
    }
}
