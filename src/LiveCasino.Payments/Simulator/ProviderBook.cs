using System.Globalization;
using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Simulator;

/// <summary>How <see cref="ProviderBook.Open"/> went.</summary>
internal enum OpenResult
{
    Created,
    Repeated,
    Conflict,
    Full,
}

/// <summary>
/// The simulated provider's books: payments by our operation id (its idempotency key) and by its
/// own reference, in creation order for the settlement report. Bounded by PaymentsMax. Thread-safe.
/// </summary>
internal sealed class ProviderBook(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProviderPayment> _byOperation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _operationByReference = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private long _references;

    public OpenResult Open(PaymentKind kind, PaymentRequest request, DateTimeOffset now, out ProviderPayment payment)
    {
        lock (_gate)
        {
            if (_byOperation.TryGetValue(request.OperationId, out var existing))
            {
                payment = existing;
                return existing.SameRequestAs(kind, request) ? OpenResult.Repeated : OpenResult.Conflict;
            }

            if (_order.Count >= capacity)
            {
                payment = null!;
                return OpenResult.Full;
            }

            var prefix = kind == PaymentKind.Deposit ? "psp_dep_" : "psp_wd_";
            var reference = prefix + (++_references).ToString("D8", CultureInfo.InvariantCulture);
            payment = new ProviderPayment(
                reference, request.OperationId, request.PlayerId, kind, request.Amount.Minor, request.Amount.Currency,
                request.Channel, PaymentStatus.Pending, null, now, now);
            _byOperation.Add(request.OperationId, payment);
            _operationByReference.Add(reference, request.OperationId);
            _order.Add(request.OperationId);
            return OpenResult.Created;
        }
    }

    /// <summary>Moves a pending payment to its terminal status; returns the new value (null if it was not pending).</summary>
    public ProviderPayment? Resolve(string operationId, PaymentStatus status, string? reason, DateTimeOffset now)
    {
        if (status == PaymentStatus.Pending)
        {
            throw new ArgumentException("Resolve needs a terminal status.", nameof(status));
        }

        lock (_gate)
        {
            if (!_byOperation.TryGetValue(operationId, out var payment) || payment.Status != PaymentStatus.Pending)
            {
                return null;
            }

            var resolved = payment with { Status = status, Reason = reason, UpdatedAt = now };
            _byOperation[operationId] = resolved;
            return resolved;
        }
    }

    public ProviderPayment? FindByReference(string reference)
    {
        lock (_gate)
        {
            return _operationByReference.TryGetValue(reference, out var operationId) ? _byOperation[operationId] : null;
        }
    }

    public ProviderPayment? FindByOperation(string operationId)
    {
        lock (_gate)
        {
            return _byOperation.GetValueOrDefault(operationId);
        }
    }

    /// <summary>Every payment, in creation order.</summary>
    public IReadOnlyList<ProviderPayment> Snapshot()
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _byOperation[id])];
        }
    }
}
