using Akka.Actor;
using LiveCasino.Persistence.Stores;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Options;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.ReadSide;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Wallets;

/// <summary>
/// The node's wallets: the <see cref="WalletDirectory"/> (write side, the "wallet" sharding region
/// on the node's Akka.NET engine) and the <see cref="WalletLedgerProjection"/> (read side) that the
/// history and trial balance come from. The read side catches up from the journal's store before it
/// answers (<see cref="CatchUpAsync"/>), so a player sees their own deposit in the history at once.
/// Tables get the same <see cref="Directory"/> to reserve and settle stakes.
/// </summary>
public sealed class WalletRuntime(ActorSystem engine, TimeProvider time, IOptions<WalletApiOptions> options) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private WalletDirectory? _directory;

    /// <summary>The wallet region; throws <see cref="NodeNotReadyException"/> before start.</summary>
    public WalletDirectory Directory => Volatile.Read(ref _directory) ?? throw new NodeNotReadyException("The wallets");

    public bool IsStarted => Volatile.Read(ref _directory) is not null;

    public WalletLedgerProjection Projection { get; } = new(new WalletProjectionOptions { PageSizeMax = Math.Max(1, options.Value.HistoryPageSizeMax) });

    /// <summary>Brings the read side up to the journal's end (one catch-up at a time); returns it.</summary>
    public async Task<WalletLedgerProjection> CatchUpAsync(CancellationToken cancellationToken)
    {
        var store = await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _catchUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Projection.CatchUpAsync(store.Journal, cancellationToken).ConfigureAwait(false);
            return Projection;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var directory = await WalletDirectory.StartAsync(engine, new WalletOptions { IdleTimeout = o.IdleTimeout, AskTimeout = o.AskTimeout }, time).ConfigureAwait(false);
        Volatile.Write(ref _directory, directory);
    }

    /// <summary>Nothing to do: the wallet region stops with the actor system, after its entities finished persisting.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _catchUp.Dispose();
        return ValueTask.CompletedTask;
    }
}
