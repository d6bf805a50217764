using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>The checks shared by the decisions, and how a refusal is made.</summary>
public sealed partial class WalletState
{
    /// <summary>Finds the open transfer an operation resolves; a rejection when there is none.</summary>
    private WalletDecision? FindTransfer(in Ctx ctx, string transferId, OperationKind kind, out OperationRecord transfer)
    {
        transfer = null!;
        if (TextProblem(transferId, "transfer id", required: true) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (!_ops.TryGet(transferId, out var t) || !t.Reply.Accepted && t.Kind == kind)
        {
            return Reject(ctx, WalletRejection.Unknown, $"no {kind} {transferId}");
        }

        if (t.Kind != kind)
        {
            return Reject(ctx, WalletRejection.Invalid, $"{transferId} is a {t.Kind}, not a {kind}");
        }

        transfer = t;
        return t.Status switch
        {
            TransferStatus.Pending => null,
            TransferStatus.Expired => Reject(ctx, WalletRejection.Expired, "reservation expired"),
            _ => Reject(ctx, WalletRejection.AlreadySettled, $"{kind} {transferId} is already {t.Status}"),
        };
    }

    private string? AmountProblem(Money m) =>
        m.Currency != Currency ? $"wallet holds {Currency}, not {m.Currency}"
        : m.Minor <= 0 || m.Minor > _bounds.AmountMaxMinor ? $"amount must be 1 to {_bounds.AmountMaxMinor}"
        : null;

    private string? TextProblem(string? text, string what, bool required) =>
        text is null || required && text.Length == 0 ? $"{what} is required"
        : text.Length > _bounds.TextMax ? $"{what} is longer than {_bounds.TextMax} characters"
        : null;

    private static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    private WalletDecision Reject(in Ctx ctx, WalletRejection reason, string detail) => Reject(ctx.Id, ctx.Kind, ctx.Fingerprint, reason, detail, ctx.Now);

    private static WalletDecision Reject(string id, OperationKind kind, long fingerprint, WalletRejection reason, string detail, DateTimeOffset now) =>
        WalletDecision.Persist(new OperationRejected(id, fingerprint, kind, reason, detail, now));
}
