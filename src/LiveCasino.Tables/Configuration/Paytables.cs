using LiveCasino.Games.Baccarat;
using LiveCasino.Games.DragonTiger;
using LiveCasino.Games.Roulette;

namespace LiveCasino.Tables.Configuration;

/// <summary>
/// The paytables a table may name, by id and version. A version is never changed once released:
/// a round records the paytable it settled under, and a re-settlement uses the same one.
/// </summary>
public static class Paytables
{
    private static readonly Dictionary<PaytableRef, (GameKind Game, IPaytable Paytable)> Known = Build();

    public static IEnumerable<PaytableRef> All => Known.Keys;

    public static bool IsKnown(GameKind game, PaytableRef? paytable) =>
        paytable is not null && Known.TryGetValue(paytable, out var entry) && entry.Game == game;

    public static IPaytable Get(GameKind game, PaytableRef paytable) =>
        IsKnown(game, paytable) ? Known[paytable].Paytable : throw new ArgumentException($"Paytable {paytable} is not a {game} paytable.", nameof(paytable));

    /// <summary>The usual paytable of a game.</summary>
    public static PaytableRef DefaultFor(GameKind game) => game switch
    {
        GameKind.Roulette => RoulettePaytable.European.Ref,
        GameKind.Baccarat => BaccaratPaytable.Standard.Ref,
        GameKind.DragonTiger => DragonTigerPaytable.Standard.Ref,
        _ => throw new ArgumentOutOfRangeException(nameof(game), game, "Unknown game."),
    };

    private static Dictionary<PaytableRef, (GameKind, IPaytable)> Build()
    {
        var all = new Dictionary<PaytableRef, (GameKind, IPaytable)>();
        void Add(GameKind game, IPaytable p) => all.Add(p.Ref, (game, p));
        Add(GameKind.Roulette, RoulettePaytable.European);
        Add(GameKind.Roulette, RoulettePaytable.EuropeanLaPartage);
        Add(GameKind.Baccarat, BaccaratPaytable.Standard);
        Add(GameKind.Baccarat, BaccaratPaytable.NoCommission);
        Add(GameKind.DragonTiger, DragonTigerPaytable.Standard);
        Add(GameKind.DragonTiger, DragonTigerPaytable.WithTie(8));
        Add(GameKind.DragonTiger, DragonTigerPaytable.WithTie(10));
        return all;
    }
}
