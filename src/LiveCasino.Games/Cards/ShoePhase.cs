namespace LiveCasino.Games.Cards;

public enum ShoePhase
{
    /// <summary>New shoe: the first card is drawn face up; its value decides how many more are burned.</summary>
    AwaitingFirstBurnCard,

    /// <summary>Burning face down the number of cards the first card called for.</summary>
    Burning,

    /// <summary>Rounds can be dealt.</summary>
    Dealing,

    /// <summary>Cut card reached, or a ninth copy seen: no new round; the shoe must be changed.</summary>
    Finished,
}
