using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.GameRules;

/// <summary>Whether a card may join the deal: the hand it goes to, or why not.</summary>
internal readonly record struct CardCheck(TableRejection? Rejection, string Hand, string Detail)
{
    public static CardCheck To(string hand) => new(null, hand, string.Empty);

    public static CardCheck Refuse(TableRejection reason, string detail) => new(reason, string.Empty, detail);
}
