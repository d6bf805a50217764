using System.Text.RegularExpressions;
using Akka.Actor;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Server.Observability;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Protocol;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// <c>/hubs/player</c> (players only): the lobby, joining and leaving tables, bets and cancels with
/// typed replies, the balance. Table events reach the caller through its feed and outbox, never
/// through SignalR groups. See docs/protocol.md.
/// </summary>
[Authorize(Policy = AuthPolicies.Player)]
public sealed partial class PlayerHub(EdgeHost edge, ILogger<PlayerHub> logger) : Hub
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BetIdPattern();

    private EdgeConnection Connection => EdgeHost.ConnectionOf(Context) ?? throw new HubException("unavailable: the connection is closing");

    private string Player => Connection.Who.PlayerId!;

    public override Task OnConnectedAsync()
    {
        var user = Context.User!;
        var account = user.AccountIdOf() ?? throw new HubException("unauthorized: the token names no account");
        edge.Open(Context, new ConnectionIdentity(account, user.SessionOf(), account, null, null));
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception) => edge.CloseAsync(Context);

    public IReadOnlyList<LobbyTableView> ListTables() => edge.Lobby(null);

    public Task<JoinReply> JoinTable(string tableId) => edge.JoinAsync(Connection, tableId, Context.ConnectionAborted);

    public LeaveReply LeaveTable(string tableId) => edge.Leave(Connection, tableId);

    public Task<JoinReply> Resync(string tableId) => edge.ResyncAsync(Connection, tableId, Context.ConnectionAborted);

    public Task<BalanceView> GetBalance() => edge.BalanceAsync(Player, null, Context.ConnectionAborted);

    public async Task<BetReply> PlaceBet(PlaceBetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = BetTracing.StartPlaceBet(request);
        BetReply reply;
        try
        {
            reply = await PlaceBetAsync(request).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            BetTracing.Failed(span, e);
            throw;
        }

        BetTracing.Complete(span, reply);
        if (logger.IsEnabled(LogLevel.Debug) || reply.Reason == "unavailable")
        {
            PlayerHubLog.BetAnswered(logger, EdgeHost.ConnectionOf(Context)?.Who.PlayerId, reply);
        }
        return reply;
    }

    private async Task<BetReply> PlaceBetAsync(PlaceBetRequest request)
    {
        if (Precheck(request.TableId, request.RoundNo, request.BetId) is { } refused)
        {
            return refused;
        }

        if (request.Lines is null || request.Lines.Any(l => l is null || string.IsNullOrEmpty(l.Spot) || l.Spot.Length > 64))
        {
            return Rejected(request.TableId, request.RoundNo, request.BetId, "invalid", "each line needs a spot (at most 64 characters) and an amount");
        }

        var currency = edge.Runtime.Feed(request.TableId)!.View.Config?.Currency;
        if (currency is null)
        {
            return Rejected(request.TableId, request.RoundNo, request.BetId, Views.Name(BetRejection.TableNotConfigured), "the table is not configured");
        }

        var lines = request.Lines.Select(l => new BetLine(l.Spot, l.Amount)).ToList();
        var reply = await AskAsync(request.TableId, new TableCommand.PlaceBet(Player, request.BetId, request.RoundNo, lines, currency)).ConfigureAwait(false);
        return Answer(reply, request.TableId, request.RoundNo, request.BetId, "bet");
    }

    public async Task<BetReply> CancelBet(CancelBetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Precheck(request.TableId, request.RoundNo, request.BetId) is { } refused)
        {
            return refused;
        }

        var reply = await AskAsync(request.TableId, new TableCommand.CancelBet(Player, request.BetId, request.RoundNo)).ConfigureAwait(false);
        return Answer(reply, request.TableId, request.RoundNo, request.BetId, "cancel");
    }

    /// <summary>Checks what the edge can check before asking the table, and spends one bet token.</summary>
    private BetReply? Precheck(string tableId, long roundNo, string betId)
    {
        if (!Tables.Configuration.TableIds.IsValid(tableId) || edge.Runtime.Feed(tableId) is null)
        {
            return Rejected(tableId ?? string.Empty, roundNo, betId ?? string.Empty, "unknownTable", $"no table {tableId} on this node");
        }

        if (betId is null || !BetIdPattern().IsMatch(betId))
        {
            return Rejected(tableId, roundNo, betId ?? string.Empty, "invalid", "betId must be 1 to 64 characters: letters, digits, '_' or '-'");
        }

        if (roundNo < 1)
        {
            return Rejected(tableId, roundNo, betId, "invalid", "roundNo must be a round of this table (1 or more)");
        }

        return Connection.Bets.TryTake() ? null : Rejected(tableId, roundNo, betId, "rateLimited", "too many bets per second on this connection; slow down");
    }

    private async Task<TableReply?> AskAsync(string tableId, TableCommand command)
    {
        try
        {
            return await edge.Runtime.Tables.AskAsync<TableReply>(tableId, command, edge.Options.AskTimeout, Context.ConnectionAborted).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private BetReply Answer(TableReply? reply, string tableId, long roundNo, string betId, string reason)
    {
        var now = edge.Time.GetUtcNow();
        switch (reply)
        {
            case TableReply.BetAccepted a:
                edge.Runtime.Balances.Notify(Player, reason);
                return new BetReply("accepted", tableId, a.RoundNo, Views.RoundId(tableId, a.RoundNo), a.BetId, a.BetNo, a.Stake, null, null, now);
            case TableReply.BetCancelled c:
                edge.Runtime.Balances.Notify(Player, reason);
                return new BetReply("cancelled", tableId, c.RoundNo, Views.RoundId(tableId, c.RoundNo), c.BetId, null, null, null, null, now);
            case TableReply.BetRejected r:
                return Rejected(tableId, r.RoundNo, r.BetId, Views.Name(r.Reason), r.Detail);
            case null:
                return Rejected(tableId, roundNo, betId, "unavailable", "the table did not answer in time; send the same bet again to learn its fate");
            default:
                return Rejected(tableId, roundNo, betId, "invalid", "unexpected answer from the table");
        }
    }

    private BetReply Rejected(string tableId, long roundNo, string betId, string reason, string? detail) =>
        new("rejected", tableId, roundNo, Views.RoundId(tableId, roundNo), betId, null, null, reason, detail, edge.Time.GetUtcNow());
}
