using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Sharding;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// The wallets of a node: one persistent <c>WalletActor</c> per player, an entity of the "wallet"
/// sharding region (started on the first command, passivated when idle through
/// <see cref="EntityStop"/>, recovered from the journal on the next command). This is the API tables,
/// payments and the host call:
/// <code>
/// var wallets = await WalletDirectory.StartAsync(system, new WalletOptions(), TimeProvider.System);
/// var reply = await wallets.AskAsync("player-42", new ReserveBet("bet-1", stake, expiresAt, "table-1/round-7"));
/// </code>
/// The actor system needs <see cref="WalletSerialization.EngineHocon"/> in its configuration.
/// </summary>
public sealed class WalletDirectory
{
    /// <summary>The tag on every wallet event, for the read side (EventsByTag).</summary>
    public const string Tag = "wallet";

    /// <summary>Prefix of every wallet's persistence id ("wallet-" + player id).</summary>
    public const string PersistenceIdPrefix = "wallet-";

    private readonly EntityAskPolicy _ask;

    private WalletDirectory(IActorRef region, WalletOptions options)
    {
        Region = region;
        Options = options;
        _ask = new EntityAskPolicy(options.AskTimeout, options.AskAttempts).Validate();
    }

    public WalletOptions Options { get; }

    /// <summary>The wallet region: send it <see cref="ShardingEnvelope"/>s (see <see cref="Tell"/>).</summary>
    public IActorRef Region { get; }

    /// <summary>Starts the wallet region on <paramref name="system"/>; wallets read "now" and arm expiries on <paramref name="time"/>.</summary>
    public static async Task<WalletDirectory> StartAsync(ActorSystem system, WalletOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var region = await EntityRegions.StartAsync(system, options.EntityType, id => Props(id, options, time), options.NumberOfShards, options.IdleTimeout ?? TimeSpan.Zero).ConfigureAwait(false);
        return new WalletDirectory(region, options);
    }

    /// <summary>The props of one wallet entity (the region makes them; tests may run one wallet alone).</summary>
    public static Props Props(string playerId, WalletOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return Akka.Actor.Props.Create(() => new WalletActor(playerId, options, time));
    }

    /// <summary>
    /// Sends <paramref name="command"/> and waits for the reply; with no answer in
    /// <see cref="WalletOptions.AskTimeout"/> it sends the same command again, up to
    /// <see cref="WalletOptions.AskAttempts"/> times, then throws <see cref="EntityUnavailableException"/>
    /// (the operation may or may not have been applied, once: ask again with the same id to know).
    /// </summary>
    public Task<WalletReply> AskAsync(string playerId, WalletCommand command, CancellationToken cancellationToken = default) =>
        Region.AskEntityAsync<WalletReply>(playerId, command, _ask, cancellationToken);

    /// <summary>Sends <paramref name="command"/> to the wallet of <paramref name="playerId"/>; its reply goes to <paramref name="replyTo"/>.</summary>
    public void Tell(string playerId, WalletCommand command, IActorRef replyTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        ArgumentNullException.ThrowIfNull(command);
        Region.Tell(new ShardingEnvelope(playerId, command), replyTo);
    }

    public static string PersistenceIdOf(string playerId) => PersistenceIdPrefix + playerId;

    /// <summary>The player id of a wallet's persistence id, or null if it is not a wallet's.</summary>
    public static string? PlayerIdOf(string persistenceId) =>
        persistenceId is not null && persistenceId.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal) ? persistenceId[PersistenceIdPrefix.Length..] : null;
}
