using LiveCasino.Actors.Persistence;
using LiveCasino.Hosting.Node;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Options;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.ReadSide;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Wallets;

/// <summary>
/// The node's wallets: the <see cref="WalletDirectory"/> (write side, one actor per player) started
/// on the node's actor system, and the <see cref="WalletLedgerProjection"/> (read side) that the
/// history and trial balance come from. The read side catches up from the journal before it
/// answers (<see cref="CatchUpAsync"/>), so a player sees their own deposit in the history at once.
/// Tables get the same <see cref="Directory"/> to reserve and settle stakes.
/// </summary>
public sealed class WalletRuntime(LiveCasinoNode node, IOptions<WalletApiOptions> options) : IHostedService, IAsyncDisposable
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
        var journal = PersistenceExtension.Get(node.System).Journal;
        await _catchUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Projection.CatchUpAsync(journal, cancellationToken).ConfigureAwait(false);
            return Projection;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var directory = WalletDirectory.Start(node.System, new WalletOptions { IdleTimeout = o.IdleTimeout, AskTimeout = o.AskTimeout });
        Volatile.Write(ref _directory, directory);
        return Task.CompletedTask;
    }

    /// <summary>Nothing to do: the wallet region stops with the actor system, after its actors finished persisting.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _catchUp.Dispose();
        return ValueTask.CompletedTask;
    }
}
