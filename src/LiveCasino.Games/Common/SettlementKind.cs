namespace LiveCasino.Games.Common;

/// <summary>How a bet ended.</summary>
public enum SettlementKind
{
    /// <summary>Stake plus winnings returned.</summary>
    Win,

    /// <summary>Nothing returned.</summary>
    Lose,

    /// <summary>Stake returned (baccarat Player/Banker on a tie).</summary>
    Push,

    /// <summary>Half the stake returned, rounded down (La Partage on zero, Dragon Tiger main bets on a tie).</summary>
    HalfBack,

    /// <summary>Round voided: stake refunded.</summary>
    Void,
}
