using System.Security.Cryptography;
using LiveCasino.Stores.Query;
using LiveCasino.Persistence.Stores;
using LiveCasino.Server.Security;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// Dealer console credentials, managed by operators. A console is an account of role dealer bound
/// to one studio; its secret is an API key of 256 random bits, shown once at creation or rotation
/// and stored only as a PBKDF2 hash like a password. A console logs in with id and key and gets
/// the same tokens a person does, with the studio in its principal.
/// </summary>
public sealed partial class ConsoleCredentials(AccountDirectory accounts, PasswordHashing hashing, Akka.Actor.ActorSystem engine, ILogger<ConsoleCredentials> log)
{
    /// <summary>Most consoles listed (and folded from the journal) at once.</summary>
    public const int ListMax = 10_000;

    public async Task<IssuedConsoleKey> CreateAsync(string studioId, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidStudio(studioId))
        {
            throw new ArgumentException("studioId " + LoginNames.StudioRule, nameof(studioId));
        }

        var consoleId = LoginNames.NewConsoleId();
        var key = NewApiKey();
        var hash = await hashing.HashAsync(key, cancellationToken).ConfigureAwait(false);
        var reply = await accounts.AskAsync(LoginNames.ConsoleKey(consoleId), new AccountCommand.Register(consoleId, consoleId, AccountRole.Dealer, studioId, hash), cancellationToken)
            .ConfigureAwait(false);
        if (!reply.IsOk)
        {
            throw new InvalidOperationException($"Console id {consoleId} collided ({reply.Outcome}); 64 random bits should never collide.");
        }

        ConsoleCreated(log, consoleId, studioId);
        return new IssuedConsoleKey(consoleId, studioId, key);
    }

    /// <summary>A new key for the console (the old one stops working and its sessions end); null if unknown or disabled.</summary>
    public async Task<IssuedConsoleKey?> RotateAsync(string consoleId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(consoleId, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Disabled)
        {
            return null;
        }

        var key = NewApiKey();
        var hash = await hashing.HashAsync(key, cancellationToken).ConfigureAwait(false);
        var reply = await accounts.AskAsync(LoginNames.ConsoleKey(consoleId), new AccountCommand.ChangeSecret(LoginNames.NewRequestId(), null, hash, false, null, true, SessionEndReason.SecretRotated), cancellationToken)
            .ConfigureAwait(false);
        ConsoleRotated(log, consoleId);
        return reply.IsOk ? new IssuedConsoleKey(consoleId, found.StudioId!, key) : null;
    }

    /// <summary>Disables the console for good (its sessions end); false if unknown.</summary>
    public async Task<bool> DisableAsync(string consoleId, CancellationToken cancellationToken)
    {
        if (await FindAsync(consoleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await accounts.AskAsync(LoginNames.ConsoleKey(consoleId), new AccountCommand.Disable(LoginNames.NewRequestId(), "revoked by an operator"), cancellationToken).ConfigureAwait(false);
        ConsoleDisabled(log, consoleId);
        return true;
    }

    public async Task<AccountView?> FindAsync(string consoleId, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidConsoleId(consoleId))
        {
            return null;
        }

        var reply = await accounts.AskAsync(LoginNames.ConsoleKey(consoleId), new AccountCommand.Get(), cancellationToken).ConfigureAwait(false);
        return reply.IsOk && reply.Account!.Role == AccountRole.Dealer ? reply.Account : null;
    }

    /// <summary>Every console, folded from the journal's "console" tag (the durable truth, on any store).</summary>
    public async Task<IReadOnlyList<ConsoleSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var consoles = new Dictionary<string, ConsoleSummary>(StringComparer.Ordinal);
        var journal = (await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Journal;
        await foreach (var e in EventsByTag.CurrentAsync(journal, AccountDirectory.ConsoleTag, 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (e.Payload)
            {
                case AccountRegistered r when consoles.Count < ListMax:
                    consoles[r.AccountId] = new ConsoleSummary(r.AccountId, r.StudioId ?? string.Empty, r.At, null, false);
                    break;
                case SecretChanged c when Owner(e.PersistenceId) is { } id && consoles.TryGetValue(id, out var s):
                    consoles[id] = s with { KeyRotatedAt = c.At };
                    break;
                case AccountDisabled when Owner(e.PersistenceId) is { } id && consoles.TryGetValue(id, out var s):
                    consoles[id] = s with { Disabled = true };
                    break;
            }
        }

        return [.. consoles.Values.OrderBy(c => c.StudioId, StringComparer.Ordinal).ThenBy(c => c.ConsoleId, StringComparer.Ordinal)];
    }

    private static string? Owner(string persistenceId)
    {
        var prefix = AccountDirectory.PersistenceIdOf(LoginNames.ConsoleKey(string.Empty));
        return persistenceId.StartsWith(prefix, StringComparison.Ordinal) ? persistenceId[prefix.Length..] : null;
    }

    /// <summary>"lck_" + 256 random bits, base64url.</summary>
    private static string NewApiKey() => "lck_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Console {ConsoleId} created for studio {StudioId}")]
    private static partial void ConsoleCreated(ILogger logger, string consoleId, string studioId);

    [LoggerMessage(EventId = 611, Level = LogLevel.Information, Message = "Console {ConsoleId} key rotated; its sessions ended")]
    private static partial void ConsoleRotated(ILogger logger, string consoleId);

    [LoggerMessage(EventId = 612, Level = LogLevel.Information, Message = "Console {ConsoleId} disabled; its sessions ended")]
    private static partial void ConsoleDisabled(ILogger logger, string consoleId);
}

/// <summary>A console's key, shown once.</summary>
public sealed record IssuedConsoleKey(string ConsoleId, string StudioId, string ApiKey);

/// <summary>A console as the operator's list shows it.</summary>
public sealed record ConsoleSummary(string ConsoleId, string StudioId, DateTimeOffset CreatedAt, DateTimeOffset? KeyRotatedAt, bool Disabled);
