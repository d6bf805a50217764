using LiveCasino.Games.Baccarat;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// What a dealer (or the shift manager at the console) does, from a button or a sensor reading.
/// The console turns each into a table command for the round it is bound to.
/// </summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "$action")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.OpenRound), "open-round")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.CloseBets), "close-bets")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.CardScanned), "card-scanned")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.Burn), "burn")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.CutCard), "cut-card")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.StartSpin), "start-spin")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.WheelResult), "wheel-result")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.Void), "void")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.ShoeChange), "shoe-change")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealerAction.Rescan), "rescan")]
public abstract record DealerAction
{
    private protected DealerAction()
    {
    }

    public sealed record OpenRound : DealerAction;

    public sealed record CloseBets : DealerAction;

    /// <summary>A card out of the shoe for the round; <paramref name="ReadingId"/> when it came from the scanner.</summary>
    public sealed record CardScanned(string Card, BaccaratHand? PlacedOn = null, string? ReadingId = null) : DealerAction;

    public sealed record Burn(string Card, string? ReadingId = null) : DealerAction;

    public sealed record CutCard : DealerAction;

    public sealed record StartSpin : DealerAction;

    public sealed record WheelResult(int Number, int Revolutions, bool Fault = false) : DealerAction;

    public sealed record Void(string Reason) : DealerAction;

    public sealed record ShoeChange : DealerAction;

    /// <summary>Shift manager: replace the card at <paramref name="Position"/> before the result.</summary>
    public sealed record Rescan(int Position, string Card, string Reason) : DealerAction;
}
