namespace LiveCasino.Server.Security;

/// <summary>Which session of which account a principal speaks for.</summary>
public sealed record SessionRef(string AccountId, string AccountKey, string SessionId);
