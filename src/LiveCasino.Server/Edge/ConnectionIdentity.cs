using LiveCasino.Server.Security;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Who a hub connection speaks for: the account and session from its token; a player's wallet id,
/// or a console's id and studio.
/// </summary>
public sealed record ConnectionIdentity(string AccountId, SessionRef? Session, string? PlayerId, string? ConsoleId, string? StudioId)
{
    public bool IsConsole => ConsoleId is not null;
}
