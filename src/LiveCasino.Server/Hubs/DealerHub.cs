using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Dealers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// <c>/hubs/dealer</c> (dealer consoles only): bind to a table of the console's own studio, then
/// dealer actions (each answered with the table's verdict) and raw sensor readings (verdicts arrive
/// as events). See docs/protocol.md.
/// </summary>
[Authorize(Policy = AuthPolicies.Dealer)]
public sealed class DealerHub(EdgeHost edge, DealerSessions sessions) : Hub
{
    private const string SessionItem = "livecasino.dealer-session";

    private DealerSession Session => Context.Items.TryGetValue(SessionItem, out var s) && s is DealerSession session
        ? session
        : throw new HubException("unavailable: the connection is closing");

    public override Task OnConnectedAsync()
    {
        var user = Context.User!;
        var console = user.AccountIdOf() ?? throw new HubException("unauthorized: the token names no console");
        var studio = user.StudioOf() ?? throw new HubException("unauthorized: the token names no studio");
        var connection = edge.Open(Context, new ConnectionIdentity(console, user.SessionOf(), null, console, studio));
        var session = new DealerSession(edge, connection);
        Context.Items[SessionItem] = session;
        sessions.Set(session);
        session.Start();
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SessionItem, out var s) && s is DealerSession session)
        {
            if (sessions.Remove(session))
            {
                edge.Runtime.Consoles.Disconnect(session.ConsoleId);
            }

            await session.DisposeAsync().ConfigureAwait(false);
        }

        await edge.CloseAsync(Context).ConfigureAwait(false);
    }

    public IReadOnlyList<LobbyTableView> ListTables() => edge.Lobby(Session.StudioId);

    public Task<JoinReply> Bind(BindRequest request) => Session.BindAsync(request?.TableId, Context.User!, Context.ConnectionAborted);

    public Task<LeaveReply> Unbind(EmptyRequest request) => Session.UnbindAsync(Context.ConnectionAborted);

    /// <summary>Upper bound of a caller-made action id.</summary>
    public const int ActionIdLengthMax = 64;

    public Task<DealerVerdict> OpenRound(EmptyRequest request) => Act(new DealerAction.OpenRound(), request?.StudioTime);

    public Task<DealerVerdict> CloseBets(EmptyRequest request) => Act(new DealerAction.CloseBets(), request?.StudioTime);

    public Task<DealerVerdict> ScanCard(ScanCardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Games.Baccarat.BaccaratHand? hand = request.Hand switch
        {
            null => null,
            "player" => Games.Baccarat.BaccaratHand.Player,
            "banker" => Games.Baccarat.BaccaratHand.Banker,
            _ => (Games.Baccarat.BaccaratHand?)(-1),
        };
        if (hand is { } h && !Enum.IsDefined(h))
        {
            return Task.FromResult(Invalid("hand must be player or banker"));
        }

        if (!TrySource(request.ActionId, out var source))
        {
            return Task.FromResult(Invalid(ActionIdRule));
        }

        return Act(new DealerAction.CardScanned(request.Card, hand, source), request.StudioTime);
    }

    public Task<DealerVerdict> Burn(BurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrySource(request.ActionId, out var source)
            ? Act(new DealerAction.Burn(request.Card ?? string.Empty, source), request.StudioTime)
            : Task.FromResult(Invalid(ActionIdRule));
    }

    public Task<DealerVerdict> CutCard(EmptyRequest request) => Act(new DealerAction.CutCard(), request?.StudioTime);

    public Task<DealerVerdict> StartSpin(EmptyRequest request) => Act(new DealerAction.StartSpin(), request?.StudioTime);

    public Task<DealerVerdict> WheelResult(WheelResultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Act(new DealerAction.WheelResult(request.Number, request.Revolutions, request.Fault), request.StudioTime);
    }

    public Task<DealerVerdict> VoidRound(VoidRoundRequest request) => Act(new DealerAction.Void(request?.Reason ?? string.Empty), request?.StudioTime);

    public Task<DealerVerdict> ChangeShoe(EmptyRequest request) => Act(new DealerAction.ShoeChange(), request?.StudioTime);

    public Task<DealerVerdict> Rescan(RescanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Act(new DealerAction.Rescan(request.Position, request.Card, request.Reason), request.StudioTime);
    }

    public SensorQueued Sensor(SensorRequest request)
    {
        if (request?.Line is not { Length: > 0 } line || line.Length > Tables.Sensors.SensorParser.LineLengthMax)
        {
            return new SensorQueued(false, "invalid");
        }

        return Session.Sensor(line) ? new SensorQueued(true, null) : new SensorQueued(false, "busy");
    }

    public SensorStatsView SensorStats(EmptyRequest request) => Session.Stats();

    private Task<DealerVerdict> Act(DealerAction action, DateTimeOffset? studioTime) => Session.ActAsync(action, studioTime, Context.ConnectionAborted);

    /// <summary>
    /// A card's source at the table from the caller's action id: the table deals a card of a known
    /// source once and answers a resend as the first time, as it does for a scanner's reading id
    /// (the prefix keeps the two apart). No id: no source, each press deals.
    /// </summary>
    private static bool TrySource(string? actionId, out string? source)
    {
        source = actionId is null ? null : "button:" + actionId;
        return actionId is null || (actionId.Length is > 0 and <= ActionIdLengthMax && !string.IsNullOrWhiteSpace(actionId));
    }

    private static string ActionIdRule => $"actionId must be 1 to {ActionIdLengthMax} characters";

    /// <summary>A request refused before it reached the console: the table is not asked.</summary>
    private DealerVerdict Invalid(string detail) =>
        new(false, Session.BoundTable, 0, null, null, null, "invalid", detail, edge.Time.GetUtcNow());
}
