namespace LiveCasino.Tables.Configuration;

/// <summary>
/// What a table is: its studio, game, currency, paytable and version, limits, betting window and
/// video feeds. Set by <c>ConfigureTable</c> between rounds and stored as an event, so every round
/// record names the configuration it ran under.
/// </summary>
/// <param name="StudioId">The studio whose dealer consoles may drive this table.</param>
/// <param name="Decks">Decks in the shoe (card games).</param>
/// <param name="MinRevolutions">Ball revolutions a roulette spin needs to stand.</param>
public sealed record TableConfig(
    string StudioId,
    GameKind Game,
    string Currency,
    PaytableRef Paytable,
    TableLimits Limits,
    TimeSpan BettingWindow,
    StreamDescriptor Stream,
    int Decks = Shoe.DefaultDecks,
    int MinRevolutions = Games.Roulette.RouletteOptions.DefaultMinRevolutions)
{
    public static readonly TimeSpan BettingWindowMin = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan BettingWindowMax = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        TableIds.Validate(StudioId, nameof(StudioId));
        if (!Enum.IsDefined(Game))
        {
            throw new ArgumentOutOfRangeException(nameof(Game), Game, "Unknown game.");
        }

        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"Currency must be an ISO 4217 code like EUR, not '{Currency}'.", nameof(Currency));
        }

        ArgumentNullException.ThrowIfNull(Limits);
        Limits.Validate();
        ArgumentNullException.ThrowIfNull(Stream);
        Stream.Validate();
        if (BettingWindow < BettingWindowMin || BettingWindow > BettingWindowMax)
        {
            throw new ArgumentOutOfRangeException(nameof(BettingWindow), BettingWindow, $"The betting window is {BettingWindowMin}-{BettingWindowMax}.");
        }

        if (Decks is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(Decks), Decks, "A shoe holds 1-16 decks.");
        }

        if (MinRevolutions is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRevolutions), MinRevolutions, "Minimum revolutions are 1-20.");
        }

        if (!Paytables.IsKnown(Game, Paytable))
        {
            throw new ArgumentException($"Paytable {Paytable} is not a {Game} paytable this build knows.", nameof(Paytable));
        }
    }
}
