using System.Security.Cryptography;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Bench;

/// <summary>
/// Provisions benchmark players through the real account and wallet actors: register (one password
/// hash made once and shared, so 10,000 players do not cost 10,000 PBKDF2 runs), open and fund the
/// wallet (an operator adjustment), start a session, and write its access token with the node's own
/// bearer-token protector, so hub connections authenticate exactly as after a login.
/// </summary>
public sealed class BenchPlayers(
    AccountDirectory accounts,
    PasswordHashing hashing,
    WalletRuntime wallets,
    IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<WalletApiOptions> walletOptions,
    TimeProvider time)
{
    private const int Parallelism = 64;
    private Task<string>? _hash;

    public async Task<BenchPlayer[]> CreateAsync(BenchPlayersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = await (_hash ??= hashing.HashAsync(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), CancellationToken.None)).ConfigureAwait(false);
        var players = new BenchPlayer[request.Count];
        await Parallel.ForAsync(0, request.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            players[i] = await CreateOneAsync(request.Prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), hash, request.FundMinor, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return players;
    }

    private async Task<BenchPlayer> CreateOneAsync(string username, string hash, long fundMinor, CancellationToken ct)
    {
        var key = LoginNames.UserKey(username);
        var reply = await accounts.AskAsync(key, new AccountCommand.Register(LoginNames.NewPlayerId(), LoginNames.Normalize(username), AccountRole.Player, null, hash), ct).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            reply = await accounts.AskAsync(key, new AccountCommand.Get(), ct).ConfigureAwait(false); // made by an earlier call
        }

        var account = reply.Account ?? throw new InvalidOperationException($"bench player {username}: {reply.Outcome}");
        var currency = walletOptions.Value.Currency;
        await wallets.Directory.AskAsync(account.AccountId, new OpenWallet("open", currency), ct).ConfigureAwait(false);
        if (fundMinor > 0)
        {
            var op = "bench-fund-" + time.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await wallets.Directory.AskAsync(account.AccountId, new AdjustBalance(op, new Money(fundMinor, currency), "bench funding", "bench"), ct).ConfigureAwait(false);
        }

        var started = await accounts.AskAsync(key, new AccountCommand.StartSession(LoginNames.NewSessionId(), account.CredentialVersion), ct).ConfigureAwait(false);
        var session = started.Session ?? throw new InvalidOperationException($"bench player {username}: no session ({started.Outcome})");
        var principal = LiveCasinoClaims.Create(started.Account!, key, session.SessionId, session.Generation, BearerTokenDefaults.AuthenticationScheme);
        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken"));
        return new BenchPlayer(account.AccountId, token);
    }
}
