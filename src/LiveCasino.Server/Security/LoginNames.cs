using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace LiveCasino.Server.Security;

/// <summary>
/// The names of accounts: what a username may be, how it is normalized, and the entity keys of the
/// account actors ("user-alice" for a person, "console-con-1a2b…" for a studio console). One
/// normalized name is one actor, so two registrations of "Alice" and "alice" meet in the same actor
/// and the second is refused there: uniqueness needs no index.
/// </summary>
public static partial class LoginNames
{
    public const string UsernameRule = "must be 3 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";

    public const string StudioRule = "must be 1 to 64 characters: lower-case letters, digits or '-'";

    private const string UserPrefix = "user-";
    private const string ConsolePrefix = "console-";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$")]
    private static partial Regex Username();

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex Studio();

    [GeneratedRegex("^con-[0-9a-f]{16}$")]
    private static partial Regex ConsoleId();

    public static bool IsValidUsername(string? username) => username is not null && Username().IsMatch(username);

    public static bool IsValidStudio(string? studioId) => studioId is not null && Studio().IsMatch(studioId);

    public static bool IsValidConsoleId(string? consoleId) => consoleId is not null && ConsoleId().IsMatch(consoleId);

    /// <summary>Lower-case invariant: "Alice" and "alice" are one account.</summary>
    public static string Normalize(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return username.ToLowerInvariant();
    }

    /// <summary>The account actor key of a person's login (player or operator).</summary>
    public static string UserKey(string username) => UserPrefix + Normalize(username);

    /// <summary>The account actor key of a studio console.</summary>
    public static string ConsoleKey(string consoleId) => ConsolePrefix + consoleId;

    public static bool IsConsoleKey(string key) => key.StartsWith(ConsolePrefix, StringComparison.Ordinal);

    /// <summary>A new player's account id: random, so the wallet journal holds no user name.</summary>
    public static string NewPlayerId() => "p-" + RandomHex(8);

    public static string NewOperatorId() => "o-" + RandomHex(8);

    public static string NewConsoleId() => "con-" + RandomHex(8);

    /// <summary>A session id: 128 random bits.</summary>
    public static string NewSessionId() => RandomHex(16);

    /// <summary>A caller-made id for one account command, so a retry of it is recognised as the same request.</summary>
    public static string NewRequestId() => "r-" + RandomHex(12);

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
