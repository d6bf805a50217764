namespace LiveCasino.Games.Baccarat;

/// <summary>The Punto Banco tableau. Totals are card values summed mod 10 (A = 1, 2-9 face value, 10/J/Q/K = 0).</summary>
public static class BaccaratDrawingRules
{
    public static int Total(IEnumerable<Cards.Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return cards.Sum(c => c.BaccaratValue) % 10;
    }

    /// <summary>8 or 9 on the first two cards: both hands stand.</summary>
    public static bool IsNatural(int twoCardTotal) => twoCardTotal >= 8;

    /// <summary>With no natural, the Player draws on 0-5 and stands on 6-7.</summary>
    public static bool PlayerDraws(int playerTotal)
    {
        RequireTotal(playerTotal);
        return playerTotal <= 5;
    }

    /// <summary>
    /// With no natural: if the Player stood (<paramref name="playerThirdCard"/> null) the Banker draws on 0-5;
    /// otherwise it depends on the value of the Player's third card.
    /// </summary>
    public static bool BankerDraws(int bankerTotal, int? playerThirdCard)
    {
        RequireTotal(bankerTotal);
        if (playerThirdCard is not { } x)
        {
            return bankerTotal <= 5;
        }

        if (x is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(playerThirdCard), x, "A card value is 0-9.");
        }

        return bankerTotal switch
        {
            <= 2 => true,
            3 => x != 8,
            4 => x is >= 2 and <= 7,
            5 => x is >= 4 and <= 7,
            6 => x is 6 or 7,
            _ => false,
        };
    }

    private static void RequireTotal(int total)
    {
        if (total is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "A baccarat total is 0-9.");
        }
    }
}
