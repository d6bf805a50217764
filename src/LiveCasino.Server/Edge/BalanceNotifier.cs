using System.Threading.Channels;
using LiveCasino.Server.Hubs;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.Protocol;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Pushes <c>balanceChanged</c> to a player's connections when their wallet moved because of a
/// table (bet reserved or released, settlement, refund, adjustment delivered). One loop asks the
/// wallet for the balance; requests are de-duplicated per player and bounded: when the queue is
/// full a notification is dropped (the next one, or a snapshot, carries the balance anyway).
/// </summary>
public sealed partial class BalanceNotifier : IAsyncDisposable
{
    /// <summary>Players waiting for a balance push.</summary>
    public const int QueuedMax = 10_000;

    private readonly Channel<(string Player, string Reason)> _queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(QueuedMax) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly WalletRuntime _wallets;
    private readonly EdgeConnections _connections;
    private readonly string _currency;
    private readonly ILogger _log;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public BalanceNotifier(WalletRuntime wallets, EdgeConnections connections, string currency, ILogger log)
    {
        _wallets = wallets;
        _connections = connections;
        _currency = currency;
        _log = log;
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Schedules a balance push to <paramref name="playerId"/> if they are connected here.</summary>
    public void Notify(string playerId, string reason)
    {
        if (!_connections.HasAccount(playerId))
        {
            return;
        }

        lock (_gate)
        {
            if (!_pending.Add(playerId))
            {
                return;
            }
        }

        if (!_queue.Writer.TryWrite((playerId, reason)))
        {
            lock (_gate)
            {
                _pending.Remove(playerId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (player, reason) in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_gate)
            {
                _pending.Remove(player);
            }

            try
            {
                var reply = await _wallets.Directory.AskAsync(player, new GetBalance("balance"), cancellationToken).ConfigureAwait(false);
                var frame = HubFrames.Event("balanceChanged", Views.Balance(reply.Balance, _currency, reason), HubJsonContext.Default.BalanceView);
                _connections.SendToAccount(player, frame);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                BalanceFailed(_log, player, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Debug, Message = "Balance of {Player} could not be pushed: {Reason}")]
    private static partial void BalanceFailed(ILogger logger, string player, string reason);
}
