namespace LiveCasino.Server.Api.Contracts;

// The accounts API's wire types (JSON, camelCase). Every field is required unless it has a default;
// unknown fields, duplicate fields and wrong types are refused with 400.

/// <summary>POST /api/accounts/register.</summary>
public sealed record RegisterRequest(string Username, string Password);

/// <summary>The new account.</summary>
public sealed record RegisteredResponse(string AccountId, string Username, string Role);

/// <summary>POST /api/accounts/login.</summary>
public sealed record LoginRequest(string Username, string Password);

/// <summary>POST /api/accounts/refresh: the refresh token of the last login or refresh (each one works once).</summary>
public sealed record RefreshRequest(string RefreshToken);

/// <summary>POST /api/accounts/password. <paramref name="EndOtherSessions"/> logs out every other device (default true).</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword, bool EndOtherSessions = true);

/// <summary>GET /api/accounts/me: who the token speaks for.</summary>
public sealed record MeResponse(string AccountId, string Username, string Role, string? StudioId, string SessionId, int ActiveSessions);

/// <summary>POST /api/consoles/login: a dealer console's id and API key.</summary>
public sealed record ConsoleLoginRequest(string ConsoleId, string ApiKey);
