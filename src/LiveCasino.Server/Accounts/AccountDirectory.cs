using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Sharding;
using LiveCasino.Hosting.Node;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// The accounts of a node: one <see cref="AccountActor"/> per login key in an entity region on the
/// node's actor system (started by <see cref="AccountsHostedService"/> once the node is up;
/// passivated when idle, recovered from the journal on the next message). This is what the API,
/// the authentication handler and later the hubs call.
/// </summary>
public sealed class AccountDirectory
{
    /// <summary>Tag on every event of a dealer console account (the operator's console list reads it).</summary>
    public const string ConsoleTag = "console";

    public const string PersistenceIdPrefix = "account-";

    private readonly LiveCasinoNode _node;
    private readonly SecurityOptions _options;
    private EntityRegion<AccountCommand>? _region;

    public AccountDirectory(LiveCasinoNode node, IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _node = node;
        _options = options.Value;
    }

    public bool IsStarted => Volatile.Read(ref _region) is not null;

    public static string PersistenceIdOf(string key) => PersistenceIdPrefix + key;

    /// <summary>Sends a command to the account of <paramref name="key"/> and waits for its reply (bounded by SessionCheckTimeout).</summary>
    public Task<AccountReply> AskAsync(string key, Func<ActorRef<AccountReply>, AccountCommand> build, CancellationToken cancellationToken)
    {
        var region = Volatile.Read(ref _region) ?? throw new NodeNotReadyException("The account directory");
        return region.EntityRef(key).Ask(build, _options.SessionCheckTimeout, cancellationToken);
    }

    /// <summary>True when the session is active now: the check every authenticated request (and hub) makes.</summary>
    public async Task<bool> IsSessionActiveAsync(SessionRef session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var reply = await AskAsync(session.AccountKey, r => new AccountCommand.CheckSession(session.SessionId, r), cancellationToken).ConfigureAwait(false);
        return reply.IsOk && reply.Account?.AccountId == session.AccountId;
    }

    internal void Start()
    {
        var settings = new AccountActorSettings(_options.SessionLifetimeMax, _options.SessionsPerAccountMax).Validate();
        var region = new EntityRegion<AccountCommand>(
            _node.System,
            new EntityRegionOptions { EntityType = "account", IdleTimeout = TimeSpan.FromMinutes(5) },
            key => Props.Create<AccountCommand>(() => new AccountActor(key, settings)).WithMailbox(1_000));
        Volatile.Write(ref _region, region);
    }
}
