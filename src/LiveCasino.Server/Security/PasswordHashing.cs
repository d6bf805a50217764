using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Passwords and console keys through ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (format V3: PBKDF2 with HMAC-SHA512, 128-bit salt, 256-bit subkey) at
/// <see cref="SecurityOptions.PasswordIterations"/> iterations (at least 210,000). At most
/// <see cref="SecurityOptions.HashingConcurrencyMax"/> hashes run at once, so a burst of logins
/// cannot take every core. An unknown login is verified against a dummy hash to take as long as a
/// known one.
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly SemaphoreSlim _slots;
    private readonly string _dummyHash;

    public PasswordHashing(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _hasher = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = o.PasswordIterations,
        }));
        _slots = new SemaphoreSlim(o.HashingConcurrencyMax, o.HashingConcurrencyMax);
        _dummyHash = _hasher.HashPassword(User, "not-a-password-" + Guid.NewGuid().ToString("N"));
    }

    public async Task<string> HashAsync(string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _hasher.HashPassword(User, secret);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Verifies <paramref name="secret"/>; a null hash (unknown login) spends the same time and fails.</summary>
    public async Task<PasswordVerificationResult> VerifyAsync(string? hash, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = _hasher.VerifyHashedPassword(User, hash ?? _dummyHash, secret);
            return hash is null ? PasswordVerificationResult.Failed : result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
