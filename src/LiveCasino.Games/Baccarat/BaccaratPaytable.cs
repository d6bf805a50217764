namespace LiveCasino.Games.Baccarat;

/// <summary>Punto Banco payouts.</summary>
/// <param name="Banker">Banker win odds: 19:20 (0.95:1, the 5% commission) or 1:1 without commission.</param>
/// <param name="BankerOnSix">When set, a Banker win with a total of 6 pays this instead (no-commission 1:2).</param>
public sealed record BaccaratPaytable(
    PaytableRef Ref,
    Payout Player,
    Payout Banker,
    Payout? BankerOnSix,
    Payout Tie,
    Payout PlayerPair,
    Payout BankerPair) : IPaytable
{
    public static BaccaratPaytable Standard { get; } = new(
        new PaytableRef("baccarat-punto-banco", 1),
        Player: Payout.ToOne(1),
        Banker: new Payout(19, 20),
        BankerOnSix: null,
        Tie: Payout.ToOne(8),
        PlayerPair: Payout.ToOne(11),
        BankerPair: Payout.ToOne(11));

    public static BaccaratPaytable NoCommission { get; } = Standard with
    {
        Ref = new PaytableRef("baccarat-no-commission", 1),
        Banker = Payout.ToOne(1),
        BankerOnSix = new Payout(1, 2),
    };
}
