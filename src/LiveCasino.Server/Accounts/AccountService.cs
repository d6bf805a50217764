using System.Security.Claims;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// Registration, login, refresh, logout and password change over the account actors: hashing and
/// throttling happen here, outside the actors; every state change happens in the actor (persisted
/// before it is answered). Returns outcomes, never HTTP: the API and the hubs map them.
/// </summary>
public sealed partial class AccountService(
    AccountDirectory accounts, PasswordHashing hashing, LoginThrottle throttle, IOptions<SecurityOptions> options, ILogger<AccountService> log)
{
    private readonly SecurityOptions _options = options.Value;

    /// <summary>Why <paramref name="password"/> is not acceptable, or null.</summary>
    public string? PasswordProblem(string? password, string username)
    {
        if (password is null || password.Length < _options.PasswordLengthMin || password.Length > _options.PasswordLengthMax)
        {
            return $"password must be {_options.PasswordLengthMin} to {_options.PasswordLengthMax} characters";
        }

        if (string.IsNullOrWhiteSpace(password) || password.Any(char.IsControl))
        {
            return "password must not be blank or hold control characters";
        }

        return password.Contains(username, StringComparison.OrdinalIgnoreCase) ? "password must not contain the username" : null;
    }

    public async Task<RegisterResult> RegisterAsync(string username, string password, AccountRole role, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidUsername(username))
        {
            return new RegisterResult(RegisterOutcome.Invalid, Problem: "username " + LoginNames.UsernameRule);
        }

        if (PasswordProblem(password, username) is { } problem)
        {
            return new RegisterResult(RegisterOutcome.Invalid, Problem: problem);
        }

        var hash = await hashing.HashAsync(password, cancellationToken).ConfigureAwait(false);
        var id = role == AccountRole.Operator ? LoginNames.NewOperatorId() : LoginNames.NewPlayerId();
        var name = LoginNames.Normalize(username);
        var reply = await accounts.AskAsync(LoginNames.UserKey(username), new AccountCommand.Register(id, name, role, null, hash), cancellationToken).ConfigureAwait(false);
        if (reply.Outcome == AccountOutcome.AlreadyExists)
        {
            return new RegisterResult(RegisterOutcome.NameTaken, Problem: "this username is taken");
        }

        Registered(log, reply.Account!.AccountId, role);
        return new RegisterResult(RegisterOutcome.Created, reply.Account);
    }

    /// <summary>
    /// Verifies <paramref name="secret"/> for the account of <paramref name="key"/> and starts a
    /// session. Counts failures per key and client address (<see cref="LoginThrottle"/>).
    /// </summary>
    public async Task<LoginResult> LoginAsync(string key, string secret, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var wait = throttle.RetryAfter(key, client);
        if (wait > TimeSpan.Zero)
        {
            return new LoginResult(LoginOutcome.Locked, RetryAfter: wait);
        }

        var account = await accounts.AskAsync(key, new AccountCommand.Get(), cancellationToken).ConfigureAwait(false);
        var known = account.IsOk && !account.Account!.Disabled;
        var verdict = await hashing.VerifyAsync(known ? account.SecretHash : null, secret, cancellationToken).ConfigureAwait(false);
        if (verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(key, client);
            LoginFailed(log, key, client);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        var version = account.Account!.CredentialVersion;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // The stored hash has fewer iterations than configured: upgrade it while we hold the secret.
            var upgraded = await hashing.HashAsync(secret, cancellationToken).ConfigureAwait(false);
            var changed = await accounts.AskAsync(key, new AccountCommand.ChangeSecret(LoginNames.NewRequestId(), version, upgraded, true, null, false, SessionEndReason.PasswordChanged), cancellationToken)
                .ConfigureAwait(false);
            version = changed.IsOk ? changed.Account!.CredentialVersion : version;
        }

        throttle.Succeeded(key, client);
        var sessionId = LoginNames.NewSessionId();
        var started = await accounts.AskAsync(key, new AccountCommand.StartSession(sessionId, version), cancellationToken).ConfigureAwait(false);
        if (!started.IsOk)
        {
            return new LoginResult(LoginOutcome.InvalidCredentials); // disabled or the secret changed meanwhile
        }

        return new LoginResult(LoginOutcome.SignedIn, Principal(started.Account!, key, started.Session!));
    }

    /// <summary>Spends a refresh token's generation; on success the principal of the next generation.</summary>
    public async Task<RefreshResult> RefreshAsync(ClaimsPrincipal fromRefreshToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromRefreshToken);
        if (fromRefreshToken.SessionOf() is not { } session || fromRefreshToken.GenerationOf() is not { } generation)
        {
            return new RefreshResult(RefreshOutcome.Invalid);
        }

        var reply = await accounts.AskAsync(session.AccountKey, new AccountCommand.RefreshSession(LoginNames.NewRequestId(), session.SessionId, generation), cancellationToken).ConfigureAwait(false);
        switch (reply.Outcome)
        {
            case AccountOutcome.Ok when reply.Account!.AccountId == session.AccountId:
                return new RefreshResult(RefreshOutcome.Refreshed, Principal(reply.Account, session.AccountKey, reply.Session!));
            case AccountOutcome.RefreshReused:
                RefreshReused(log, session.AccountId, session.SessionId);
                return new RefreshResult(RefreshOutcome.Reused);
            default:
                return new RefreshResult(RefreshOutcome.Invalid);
        }
    }

    public async Task LogoutAsync(SessionRef session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await accounts.AskAsync(session.AccountKey, new AccountCommand.EndSession(LoginNames.NewRequestId(), session.SessionId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChangeSecretResult> ChangePasswordAsync(
        SessionRef session, string current, string replacement, bool endOtherSessions, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var wait = throttle.RetryAfter(session.AccountKey, client);
        if (wait > TimeSpan.Zero)
        {
            return new ChangeSecretResult(ChangeSecretOutcome.Locked, RetryAfter: wait);
        }

        var account = await accounts.AskAsync(session.AccountKey, new AccountCommand.Get(), cancellationToken).ConfigureAwait(false);
        if (!account.IsOk)
        {
            return new ChangeSecretResult(ChangeSecretOutcome.Invalid, "the account cannot change its password");
        }

        if (PasswordProblem(replacement, account.Account!.LoginName) is { } problem)
        {
            return new ChangeSecretResult(ChangeSecretOutcome.Invalid, "new " + problem);
        }

        if (await hashing.VerifyAsync(account.SecretHash, current, cancellationToken).ConfigureAwait(false) == PasswordVerificationResult.Failed)
        {
            throttle.Failed(session.AccountKey, client);
            return new ChangeSecretResult(ChangeSecretOutcome.WrongPassword);
        }

        var hash = await hashing.HashAsync(replacement, cancellationToken).ConfigureAwait(false);
        var reply = await accounts.AskAsync(
            session.AccountKey,
            new AccountCommand.ChangeSecret(LoginNames.NewRequestId(), account.Account.CredentialVersion, hash, false, session.SessionId, endOtherSessions, SessionEndReason.PasswordChanged),
            cancellationToken).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            return new ChangeSecretResult(ChangeSecretOutcome.Conflict, "the password was changed meanwhile; nothing was changed");
        }

        PasswordChanged(log, session.AccountId, endOtherSessions);
        return new ChangeSecretResult(ChangeSecretOutcome.Changed);
    }

    public Task<AccountReply> GetAsync(string key, CancellationToken cancellationToken) =>
        accounts.AskAsync(key, new AccountCommand.Get(), cancellationToken);

    private static ClaimsPrincipal Principal(AccountView account, string key, SessionView session) =>
        LiveCasinoClaims.Create(account, key, session.SessionId, session.Generation, BearerTokenDefaults.AuthenticationScheme);

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Account {AccountId} registered as {Role}")]
    private static partial void Registered(ILogger logger, string accountId, AccountRole role);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Failed login for {Login} from {Client}")]
    private static partial void LoginFailed(ILogger logger, string login, string client);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Refresh token reused for account {AccountId}: session {SessionId} revoked")]
    private static partial void RefreshReused(ILogger logger, string accountId, string sessionId);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Account {AccountId} changed its password (other sessions ended: {EndedOthers})")]
    private static partial void PasswordChanged(ILogger logger, string accountId, bool endedOthers);
}
