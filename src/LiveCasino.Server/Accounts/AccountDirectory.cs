using Akka.Actor;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.Sharding;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// The accounts of a node: one <see cref="AccountActor"/> per login key, an entity of the "account"
/// region on the node's Akka.NET engine (started by <see cref="AccountsHostedService"/>; passivated
/// when idle through <see cref="EntityStop"/>, recovered from the journal on the next message).
/// This is what the API, the authentication handler and the hubs call. A command that gets no answer
/// in time is sent again with the same caller-made id (<see cref="AskAttempts"/> tries): the account
/// answers a repeat with the first answer's outcome and applies nothing twice.
/// </summary>
public sealed class AccountDirectory
{
    /// <summary>Tag on every event of a dealer console account (the operator's console list reads it).</summary>
    public const string ConsoleTag = "console";

    public const string PersistenceIdPrefix = "account-";

    /// <summary>Shards of the account region: about ten times the largest node count; never changed in a live cluster.</summary>
    public const int Shards = 100;

    /// <summary>Tries of one command, each waiting SessionCheckTimeout.</summary>
    public const int AskAttempts = 3;

    private readonly ActorSystem _engine;
    private readonly SecurityOptions _options;
    private readonly TimeProvider _time;
    private IActorRef? _region;

    public AccountDirectory(ActorSystem engine, IOptions<SecurityOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _options = options.Value;
        _time = time;
    }

    public bool IsStarted => Volatile.Read(ref _region) is not null;

    public static string PersistenceIdOf(string key) => PersistenceIdPrefix + key;

    /// <summary>Sends a command to the account of <paramref name="key"/> and waits for its reply (bounded by SessionCheckTimeout).</summary>
    public Task<AccountReply> AskAsync(string key, AccountCommand command, CancellationToken cancellationToken)
    {
        var region = Volatile.Read(ref _region) ?? throw new NodeNotReadyException("The account directory");
        return region.AskEntityAsync<AccountReply>(key, command, new EntityAskPolicy(_options.SessionCheckTimeout, AskAttempts), cancellationToken);
    }

    /// <summary>True when the session is active now: the check every authenticated request (and hub) makes.</summary>
    public async Task<bool> IsSessionActiveAsync(SessionRef session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var reply = await AskAsync(session.AccountKey, new AccountCommand.CheckSession(session.SessionId), cancellationToken).ConfigureAwait(false);
        return reply.IsOk && reply.Account?.AccountId == session.AccountId;
    }

    internal async Task StartAsync()
    {
        var settings = new AccountActorSettings(_options.SessionLifetimeMax, _options.SessionsPerAccountMax).Validate();
        var region = await EntityRegions.StartAsync(_engine, "account", key => AccountActor.Props(key, settings, _time), Shards).ConfigureAwait(false);
        Volatile.Write(ref _region, region);
    }
}
