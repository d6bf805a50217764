using System.Security.Cryptography;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// Starts the account region once the node runs, then makes sure the bootstrap operator exists
/// (<see cref="BootstrapOperatorOptions"/>). Start-up fails if that name belongs to a non-operator.
/// </summary>
internal sealed partial class AccountsHostedService(
    AccountDirectory accounts, AccountService service, IOptions<SecurityOptions> options, ILogger<AccountsHostedService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await accounts.StartAsync().ConfigureAwait(false);
        var bootstrap = options.Value.BootstrapOperator;
        if (string.IsNullOrEmpty(bootstrap.Username))
        {
            return;
        }

        if (await ExistsAsync(bootstrap.Username, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var generated = string.IsNullOrEmpty(bootstrap.Password);
        var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) : bootstrap.Password;
        var created = await service.RegisterAsync(bootstrap.Username, password, AccountRole.Operator, cancellationToken).ConfigureAwait(false);

        // Members of a cluster started together race for the name: the one that loses finds the winner's operator.
        if (created.Outcome == RegisterOutcome.NameTaken && await ExistsAsync(bootstrap.Username, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (created.Outcome != RegisterOutcome.Created)
        {
            throw new InvalidOperationException($"{SecurityOptions.Section}:BootstrapOperator could not be created: {created.Problem}.");
        }

        if (generated)
        {
            OperatorCreatedWithPassword(log, bootstrap.Username, password);
        }
        else
        {
            OperatorCreated(log, bootstrap.Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when the bootstrap name is an operator already; start-up fails when it is anyone else.</summary>
    private async Task<bool> ExistsAsync(string username, CancellationToken cancellationToken)
    {
        var existing = await service.GetAsync(LoginNames.UserKey(username), cancellationToken).ConfigureAwait(false);
        if (existing.Outcome != AccountOutcome.Ok)
        {
            return false;
        }

        if (existing.Account!.Role != AccountRole.Operator)
        {
            throw new InvalidOperationException(
                $"{SecurityOptions.Section}:BootstrapOperator:Username '{username}' belongs to a {existing.Account.Role} account; choose another name.");
        }

        return true;
    }

    [LoggerMessage(EventId = 620, Level = LogLevel.Warning,
        Message = "Bootstrap operator '{Username}' created with the generated password '{Password}' (shown once: log in and change it)")]
    private static partial void OperatorCreatedWithPassword(ILogger logger, string username, string password);

    [LoggerMessage(EventId = 621, Level = LogLevel.Information, Message = "Bootstrap operator '{Username}' created")]
    private static partial void OperatorCreated(ILogger logger, string username);
}
