using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Sharding;
using LiveCasino.Tables.Actor;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Hosting;

/// <summary>
/// The tables of a node: one persistent <c>TableActor</c> per table id, an entity of the "table"
/// sharding region. The actor system needs <see cref="Serialization.TableSerialization.EngineHocon"/>
/// (and the wallets' configuration) in its configuration:
/// <code>
/// var tables = await Tables.StartAsync(system, new TableOptions(), WalletSends.Over(wallets), TimeProvider.System);
/// var reply = await tables.AskAsync&lt;TableReply&gt;("table-1", new TableCommand.OpenRound(stamp), TimeSpan.FromSeconds(2));
/// </code>
/// </summary>
public sealed class Tables
{
    /// <summary>The entity type of tables in the region and in shard envelopes.</summary>
    public const string EntityType = "table";

    private Tables(IActorRef region, TableOptions options, TableMetrics metrics)
    {
        Region = region;
        Options = options;
        Metrics = metrics;
    }

    /// <summary>The table region: send it <see cref="ShardingEnvelope"/>s (see <see cref="Tell"/>).</summary>
    public IActorRef Region { get; }

    public TableOptions Options { get; }

    /// <summary>Where the tables record rounds and settlement latency (<see cref="TableMetrics.Shared"/> unless given).</summary>
    public TableMetrics Metrics { get; }

    /// <summary>
    /// Starts the table region. <paramref name="walletSend"/> reaches the wallet of a player; tables
    /// reserve, settle, void and adjust through it. Tables read "now" and run their betting windows
    /// and redelivery on <paramref name="time"/>. The region remembers its tables: wherever a
    /// table's shard starts next (a rebalance, a node's crash or leave, a full restart) the table
    /// starts again by itself, closes a window that ran out and resends what it owes.
    /// </summary>
    public static async Task<Tables> StartAsync(ActorSystem system, TableOptions options, WalletSend walletSend, TimeProvider time, TableMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(walletSend);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var tableMetrics = metrics ?? TableMetrics.Shared;
        var region = await EntityRegions.StartAsync(
            system, EntityType, id => Props(id, options, walletSend, time, tableMetrics), options.NumberOfShards, rememberEntities: true).ConfigureAwait(false);
        return new Tables(region, options, tableMetrics);
    }

    /// <summary>The props of one table entity (the region makes them).</summary>
    public static Props Props(string tableId, TableOptions options, WalletSend walletSend, TimeProvider time, TableMetrics metrics)
    {
        TableIds.Validate(tableId, nameof(tableId));
        return Akka.Actor.Props.Create(() => new TableActor(tableId, options, walletSend, metrics, time));
    }

    /// <summary>Sends <paramref name="command"/> to the table; its answer (if any) goes to <paramref name="sender"/>.</summary>
    public void Tell(string tableId, TableCommand command, IActorRef? sender = null)
    {
        TableIds.Validate(tableId, nameof(tableId));
        ArgumentNullException.ThrowIfNull(command);
        Region.Tell(new ShardingEnvelope(tableId, command), sender ?? ActorRefs.NoSender);
    }

    /// <summary>
    /// Sends <paramref name="command"/> once and waits up to <paramref name="timeout"/> for its answer.
    /// Not retried here: a bet is repeated with the same bet id by its caller, a dealer action by the console.
    /// </summary>
    public Task<TReply> AskAsync<TReply>(string tableId, TableCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        TableIds.Validate(tableId, nameof(tableId));
        ArgumentNullException.ThrowIfNull(command);
        return Region.Ask<TReply>(new ShardingEnvelope(tableId, command), timeout, cancellationToken);
    }

    /// <summary>Starts a table so it resumes what it owes (deliveries, a round left open) after a node restart.</summary>
    public void Wake(string tableId) => Tell(tableId, new TableCommand.Wake());
}
