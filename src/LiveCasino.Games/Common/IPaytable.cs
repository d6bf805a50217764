namespace LiveCasino.Games.Common;

/// <summary>A game's payouts as a value; the same value always settles a round the same way.</summary>
public interface IPaytable
{
    PaytableRef Ref { get; }
}
