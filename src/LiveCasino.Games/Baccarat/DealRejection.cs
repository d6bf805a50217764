namespace LiveCasino.Games.Baccarat;

/// <summary>Why a scanned card can't join the deal (the dealer's mistake); <see cref="None"/> when accepted.</summary>
public enum DealRejection
{
    None = 0,

    /// <summary>Both hands are complete: no card may be dealt.</summary>
    RoundComplete,

    /// <summary>A third card placed on the Player, whose rules say stand.</summary>
    PlayerMustStand,

    /// <summary>A third card placed on the Banker, whose rules say stand.</summary>
    BankerMustStand,

    /// <summary>Placed on the other hand than the one the deal order says is next.</summary>
    OutOfOrder,

    InvalidCard,
}
