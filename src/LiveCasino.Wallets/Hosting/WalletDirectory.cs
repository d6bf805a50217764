using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Actors.Sharding;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// The wallets of a node: one event-sourced <c>WalletActor</c> per player, in an
/// <see cref="EntityRegion{T}"/> (started on the first command, passivated when idle, no message
/// lost on the way). This is the API tables, payments and the host call:
/// <code>
/// var serializer = new EventSerializer().RegisterWalletTypes();
/// PersistenceExtension.Install(system, journal, snapshots, serializer);
/// var wallets = WalletDirectory.Start(system, new WalletOptions());
/// var reply = await wallets.AskAsync("player-42", r => new ReserveBet("bet-1", stake, expiresAt, "table-1/round-7", r));
/// </code>
/// </summary>
public sealed class WalletDirectory : IAsyncDisposable
{
    /// <summary>The tag on every wallet event, for the read side (EventsByTag).</summary>
    public const string Tag = "wallet";

    /// <summary>Prefix of every wallet's persistence id ("wallet-" + player id).</summary>
    public const string PersistenceIdPrefix = "wallet-";

    private WalletDirectory(ActorSystem system, WalletOptions options)
    {
        Options = options;
        var regionOptions = new EntityRegionOptions
        {
            EntityType = options.EntityType,
            NumberOfShards = options.NumberOfShards,
            IdleTimeout = options.IdleTimeout,
            EntitiesMax = options.EntitiesMax,
            BufferPerEntityMax = options.MailboxCapacity,
        };
        Region = new EntityRegion<WalletCommand>(system, regionOptions, playerId =>
            Props.Create<WalletCommand>(() => new WalletActor(playerId, options)).WithMailbox(options.MailboxCapacity));
    }

    public WalletOptions Options { get; }

    /// <summary>The region itself, for passivation, shard queries and cluster-style delivery.</summary>
    public EntityRegion<WalletCommand> Region { get; }

    /// <summary>
    /// Starts the wallet region. Persistence must be installed on <paramref name="system"/> with a
    /// serializer on which <see cref="WalletSerialization.RegisterWalletTypes"/> was called.
    /// </summary>
    public static WalletDirectory Start(ActorSystem system, WalletOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var persistence = PersistenceExtension.Get(system);
        if (!persistence.Serializer.IsRegistered(typeof(BetReserved)) || !persistence.Serializer.IsRegistered(typeof(WalletSnapshot)))
        {
            throw new InvalidOperationException("The persistence serializer lacks the wallet types: call serializer.RegisterWalletTypes() before PersistenceExtension.Install.");
        }

        return new WalletDirectory(system, options);
    }

    /// <summary>The wallet of <paramref name="playerId"/>: a ref valid across passivation and restarts.</summary>
    public ActorRef<WalletCommand> For(string playerId) => Region.EntityRef(playerId);

    /// <summary>Sends the command built around a reply ref and waits for the reply (at most <see cref="WalletOptions.AskTimeout"/>).</summary>
    public Task<WalletReply> AskAsync(string playerId, Func<ActorRef<WalletReply>, WalletCommand> build, CancellationToken cancellationToken = default) =>
        For(playerId).Ask(build, Options.AskTimeout, cancellationToken);

    public static string PersistenceIdOf(string playerId) => PersistenceIdPrefix + playerId;

    /// <summary>The player id of a wallet's persistence id, or null if it is not a wallet's.</summary>
    public static string? PlayerIdOf(string persistenceId) =>
        persistenceId is not null && persistenceId.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal) ? persistenceId[PersistenceIdPrefix.Length..] : null;

    public ValueTask DisposeAsync() => Region.DisposeAsync();
}
