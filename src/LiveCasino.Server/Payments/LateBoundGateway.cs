using LiveCasino.Payments.Gateway;

namespace LiveCasino.Server.Payments;

/// <summary>
/// The provider gateway, bound once the provider's address is known (in demo mode the simulator
/// picks a free port at start). Until then every submission is "unavailable", which payments retry.
/// </summary>
public sealed class LateBoundGateway : IPaymentGateway
{
    private IPaymentGateway? _inner;

    public bool IsBound => Volatile.Read(ref _inner) is not null;

    public void Bind(IPaymentGateway inner) => Volatile.Write(ref _inner, inner ?? throw new ArgumentNullException(nameof(inner)));

    public Task<GatewayResult> StartDepositAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Volatile.Read(ref _inner) is { } g ? g.StartDepositAsync(request, cancellationToken) : Task.FromResult(GatewayResult.Unavailable("the payment gateway is not started"));

    public Task<GatewayResult> StartWithdrawalAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Volatile.Read(ref _inner) is { } g ? g.StartWithdrawalAsync(request, cancellationToken) : Task.FromResult(GatewayResult.Unavailable("the payment gateway is not started"));
}
