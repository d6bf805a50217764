using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.State;

/// <summary>One bet of a round as the table's state holds it; changed only by applying events.</summary>
internal sealed class BetRecord(BetRequest request)
{
    public long BetNo { get; } = request.BetNo;

    public string PlayerId { get; } = request.PlayerId;

    public string BetId { get; } = request.BetId;

    public IReadOnlyList<BetLine> Lines { get; } = request.Lines;

    public long Stake { get; } = request.Stake;

    /// <summary>The accepted bet this one replaces when accepted (a change).</summary>
    public long? Replaces { get; } = request.Replaces;

    public BetStatus Status { get; set; } = BetStatus.Pending;

    public BetRejection? Reason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public long? Returned { get; set; }

    /// <summary>Counts against limits: pending (reservation in flight) or accepted.</summary>
    public bool IsActive => Status is BetStatus.Pending or BetStatus.Accepted;

    public BetRequest ToRequest() => new(BetNo, PlayerId, BetId, Lines, Stake, Replaces);

    public PlayerBet ToView() => new(BetId, BetNo, Lines, Stake, Status, Reason, Returned);
}
