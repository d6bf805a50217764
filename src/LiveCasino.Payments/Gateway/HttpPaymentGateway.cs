using System.Net;
using System.Net.Http.Json;
using LiveCasino.Payments.Wire;

namespace LiveCasino.Payments.Gateway;

/// <summary>
/// <see cref="IPaymentGateway"/> over the provider's REST API: <c>POST /v1/deposits</c> and
/// <c>POST /v1/withdrawals</c> with an <c>Idempotency-Key</c> header equal to our operation id.
/// 2xx is accepted; 400/409/422 is a final rejection; anything else (5xx, 429, timeout, refused
/// connection) is unavailable, to be retried with the same operation id.
/// </summary>
public sealed class HttpPaymentGateway : IPaymentGateway
{
    /// <summary>Header the provider keys idempotency on.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http;
    private readonly HttpPaymentGatewayOptions _options;

    /// <param name="http">Owned by the caller (one per provider, reused across calls).</param>
    public HttpPaymentGateway(HttpClient http, HttpPaymentGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Validate();
    }

    public Task<GatewayResult> StartDepositAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        SubmitAsync("v1/deposits", request, cancellationToken);

    public Task<GatewayResult> StartWithdrawalAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        SubmitAsync("v1/withdrawals", request, cancellationToken);

    private async Task<GatewayResult> SubmitAsync(string path, PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var body = new ProviderPaymentRequest(request.OperationId, request.PlayerId, request.Amount.Minor, request.Amount.Currency, request.Channel);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress!, path))
        {
            Content = JsonContent.Create(body, PaymentsJsonContext.Default.ProviderPaymentRequest),
        };
        message.Headers.Add(IdempotencyKeyHeader, request.OperationId);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(message, attempt.Token).ConfigureAwait(false);
            return await InterpretAsync(response, request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GatewayResult.Unavailable($"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return GatewayResult.Unavailable($"HTTP error: {e.Message}");
        }
    }

    private static async Task<GatewayResult> InterpretAsync(HttpResponseMessage response, PaymentRequest request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var accepted = await response.Content.ReadFromJsonAsync(PaymentsJsonContext.Default.ProviderPaymentResponse, cancellationToken).ConfigureAwait(false);
            if (accepted is null || string.IsNullOrEmpty(accepted.ProviderReference) || accepted.OperationId != request.OperationId)
            {
                // A 2xx we cannot read proves nothing; asking again with the same key is safe.
                return GatewayResult.Unavailable($"unreadable 2xx answer for {request.OperationId}");
            }

            return GatewayResult.Accepted(accepted.ProviderReference);
        }

        var code = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            var error = await TryReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            return GatewayResult.Rejected($"{code} {error}");
        }

        return GatewayResult.Unavailable($"HTTP {code}");
    }

    private static async Task<string> TryReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(PaymentsJsonContext.Default.ProviderError, cancellationToken).ConfigureAwait(false);
            return error is null ? "(no detail)" : $"{error.Error}: {error.Detail}";
        }
        catch (System.Text.Json.JsonException)
        {
            return "(unreadable error body)";
        }
    }
}
