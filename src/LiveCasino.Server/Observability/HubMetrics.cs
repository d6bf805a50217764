using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Observability;

/// <summary>
/// Meter "LiveCasino.Hubs": hub messages in by method, hub method errors, bets accepted and rejected
/// (by reason) with the hub-side bet latency (invocation received to reply), and viewers per table
/// (read at each scrape from the table feeds). Fed by a hub filter, so the hubs stay as they are.
/// </summary>
public sealed class HubMetrics : IHubFilter, IDisposable
{
    public const string MeterName = "LiveCasino.Hubs";

    private readonly Meter _meter;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _betsAccepted;
    private readonly Counter<long> _betsRejected;
    private readonly Histogram<double> _betLatency;

    public HubMetrics(TablesRuntime tables, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _messagesIn = _meter.CreateCounter<long>("livecasino.hub.messages_in", description: "Hub method invocations received, by hub method.");
        _errors = _meter.CreateCounter<long>("livecasino.hub.errors", description: "Hub method invocations that ended in an error (refused by a limit, or failed), by method.");
        _betsAccepted = _meter.CreateCounter<long>("livecasino.bets.accepted", description: "Bets accepted by their table (after the table and the wallet have written).");
        _betsRejected = _meter.CreateCounter<long>("livecasino.bets.rejected", description: "Bets refused, by reason (late, limits, funds, rateLimited, unavailable, ...).");
        _betLatency = _meter.CreateHistogram<double>("livecasino.bets.latency", unit: "ms", description: "PlaceBet from invocation received to reply, in milliseconds.");
        _meter.CreateObservableGauge("livecasino.table.viewers", () => Viewers(tables), description: "Hub connections watching each table on this node.");
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = new KeyValuePair<string, object?>("method", invocationContext.HubMethodName);
        _messagesIn.Add(1, method);
        var started = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = await next(invocationContext).ConfigureAwait(false);
        }
        catch
        {
            _errors.Add(1, method);
            throw;
        }

        if (result is BetReply bet && invocationContext.HubMethodName == "PlaceBet")
        {
            _betLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (bet.Outcome == "accepted")
            {
                _betsAccepted.Add(1);
            }
            else
            {
                _betsRejected.Add(1, new KeyValuePair<string, object?>("reason", bet.Reason ?? "unknown"));
            }
        }

        return result;
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<int>> Viewers(TablesRuntime tables)
    {
        foreach (var listing in tables.Listings)
        {
            if (tables.Feed(listing.TableId) is { } feed)
            {
                yield return new Measurement<int>(feed.ViewerCount, new KeyValuePair<string, object?>("table", listing.TableId));
            }
        }
    }
}
