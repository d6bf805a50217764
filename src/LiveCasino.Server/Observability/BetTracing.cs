using System.Diagnostics;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Server.Observability;

/// <summary>
/// Activity source "LiveCasino.Server": one <c>PlaceBet</c> span per hub bet, from the invocation to
/// the reply (the table's decision, the wallet reservation and both journal writes), tagged with the
/// round id (<c>table:round</c>), the bet id and the outcome, so a dispute's round id finds its bets
/// and the round's <c>SettleRound</c> span. Without a listener (OTLP off) nothing is allocated.
/// </summary>
public static class BetTracing
{
    public const string SourceName = "LiveCasino.Server";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? StartPlaceBet(PlaceBetRequest request)
    {
        if (!Source.HasListeners() || Source.StartActivity("PlaceBet", ActivityKind.Server) is not { } span)
        {
            return null;
        }

        span.SetTag("livecasino.table_id", request.TableId);
        span.SetTag("livecasino.round_id", RoundIds.Of(request.TableId ?? string.Empty, request.RoundNo));
        span.SetTag("livecasino.bet_id", request.BetId);
        return span;
    }

    /// <summary>Tags the outcome; a bet the table did not answer in time is an error span.</summary>
    internal static void Complete(Activity? span, BetReply reply)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("livecasino.round_id", reply.RoundId);
        span.SetTag("livecasino.bet.outcome", reply.Outcome);
        if (reply.BetNo is { } betNo)
        {
            span.SetTag("livecasino.bet_no", betNo);
        }

        if (reply.Reason is { } reason)
        {
            span.SetTag("livecasino.bet.reason", reason);
        }

        if (reply.Reason == "unavailable")
        {
            span.SetStatus(ActivityStatusCode.Error, "the table did not answer in time");
        }
    }

    internal static void Failed(Activity? span, Exception error) => span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
}
