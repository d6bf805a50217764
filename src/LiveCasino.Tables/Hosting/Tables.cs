using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Sharding;
using LiveCasino.Tables.Actor;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Hosting;

/// <summary>
/// The tables of a node: an entity region of type "table" whose entities are <c>TableActor</c>s,
/// addressed by table id. Persistence must be installed in the system first, with the table types
/// registered (<see cref="Serialization.TableSerialization.RegisterTableTypes"/>).
/// </summary>
public sealed class Tables
{
    /// <summary>The entity type of tables in the region and in shard envelopes.</summary>
    public const string EntityType = "table";

    private Tables(ActorSystem system, EntityRegion<TableCommand> region, TableOptions options, TableMetrics metrics)
    {
        System = system;
        Region = region;
        Options = options;
        Metrics = metrics;
    }

    public ActorSystem System { get; }

    public EntityRegion<TableCommand> Region { get; }

    public TableOptions Options { get; }

    /// <summary>Where the tables record rounds and settlement latency (<see cref="TableMetrics.Shared"/> unless given).</summary>
    public TableMetrics Metrics { get; }

    /// <summary>
    /// Starts the table region. <paramref name="walletSend"/> reaches the wallet of a player (see
    /// <see cref="WalletBridge"/>); tables reserve, settle, void and adjust through it.
    /// </summary>
    public static Tables Start(ActorSystem system, TableOptions options, WalletSend walletSend, TableMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(walletSend);
        options.Validate();
        var tableMetrics = metrics ?? TableMetrics.Shared;
        _ = Actors.Persistence.PersistenceExtension.Get(system);
        var regionOptions = new EntityRegionOptions { EntityType = EntityType, IdleTimeout = options.IdleTimeout, BufferPerEntityMax = options.MailboxCapacity };
        var region = new EntityRegion<TableCommand>(
            system,
            regionOptions,
            id => Props.Create<TableCommand>(() => new TableActor(id, options, walletSend, tableMetrics)).WithMailbox(options.MailboxCapacity));
        return new Tables(system, region, options, tableMetrics);
    }

    /// <summary>A ref to the table, valid across restarts and passivation.</summary>
    public ActorRef<TableCommand> For(string tableId) => Region.EntityRef(tableId);

    /// <summary>Asks the table and waits for the reply (the system's ask timeout when none is given).</summary>
    public Task<TReply> AskAsync<TReply>(string tableId, Func<ActorRef<TReply>, TableCommand> build, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TReply : notnull => For(tableId).Ask(build, timeout, cancellationToken);

    /// <summary>Starts a table so it resumes what it owes (deliveries, a round left open) after a node restart.</summary>
    public bool Wake(string tableId) => Region.Tell(tableId, new TableCommand.Wake());
}
