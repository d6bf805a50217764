using System.Text.Json;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Wire;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveCasino.Payments.Simulator;

/// <summary>The simulator's HTTP API (see docs/payments.md for the table of routes).</summary>
public sealed partial class PaymentProviderSimulator
{
    private void MapEndpoints(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1");
        api.AddEndpointFilter(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            if (Fault == ProviderFault.Down)
            {
                Interlocked.Increment(ref _refusedWhileDown);
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return Error(StatusCodes.Status503ServiceUnavailable, "unavailable", "the provider is down (simulated fault)");
            }

            return await next(context).ConfigureAwait(false);
        });
        api.MapPost("/deposits", (HttpRequest request) => SubmitAsync(request, PaymentKind.Deposit));
        api.MapPost("/withdrawals", (HttpRequest request) => SubmitAsync(request, PaymentKind.Withdrawal));
        api.MapGet("/payments/{reference}", (string reference) =>
            _book.FindByReference(reference) is { } p
                ? TypedResults.Json(Response(p), PaymentsJsonContext.Default.ProviderPaymentResponse)
                : Error(StatusCodes.Status404NotFound, "not_found", $"no payment {reference}"));
        api.MapGet("/settlement-report.csv", () => TypedResults.Text(SettlementReportCsv(), "text/csv; charset=utf-8"));

        var admin = app.MapGroup("/admin");
        admin.MapPost("/fault/{mode}", (string mode) =>
        {
            if (!Enum.TryParse<ProviderFault>(mode, ignoreCase: true, out var fault) || !Enum.IsDefined(fault))
            {
                return Error(StatusCodes.Status400BadRequest, "bad_fault", $"unknown fault '{mode}' (none, down)");
            }

            Fault = fault;
            return TypedResults.NoContent();
        });
        admin.MapGet("/stats", () => TypedResults.Json(Stats, PaymentsJsonContext.Default.ProviderStats));
    }

    private async Task<IResult> SubmitAsync(HttpRequest http, PaymentKind kind)
    {
        ProviderPaymentRequest? body;
        try
        {
            body = await http.ReadFromJsonAsync(PaymentsJsonContext.Default.ProviderPaymentRequest, http.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, "bad_json", e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Error(StatusCodes.Status400BadRequest, "bad_content_type", e.Message);
        }

        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, "bad_json", "empty body");
        }

        var key = http.Headers[HttpPaymentGateway.IdempotencyKeyHeader].ToString();
        if (key != body.OperationId)
        {
            return Error(StatusCodes.Status400BadRequest, "bad_idempotency_key", $"{HttpPaymentGateway.IdempotencyKeyHeader} must equal operationId");
        }

        PaymentRequest request;
        try
        {
            request = new PaymentRequest(body.OperationId, body.PlayerId, new Money(body.AmountMinor, body.Currency), body.Channel).Validate();
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "invalid", e.Message);
        }

        switch (_book.Open(kind, request, _time.GetUtcNow(), out var payment))
        {
            case OpenResult.Created:
                Interlocked.Increment(ref _created);
                BeginProcessing(payment);
                return TypedResults.Json(Response(payment), PaymentsJsonContext.Default.ProviderPaymentResponse, statusCode: StatusCodes.Status201Created);
            case OpenResult.Repeated:
                return TypedResults.Json(Response(payment), PaymentsJsonContext.Default.ProviderPaymentResponse);
            case OpenResult.Conflict:
                return Error(StatusCodes.Status409Conflict, "idempotency_conflict", $"operation {request.OperationId} was used with other content ({payment.ProviderReference})");
            default:
                return Error(StatusCodes.Status503ServiceUnavailable, "capacity", $"the simulator holds at most {_options.PaymentsMax} payments");
        }
    }

    private static ProviderPaymentResponse Response(ProviderPayment p) => new(p.ProviderReference, p.OperationId, p.Kind, p.Status);

    private static IResult Error(int status, string code, string detail) =>
        TypedResults.Json(new ProviderError(code, detail), PaymentsJsonContext.Default.ProviderError, statusCode: status);
}
