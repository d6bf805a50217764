using System.Text.Json.Serialization;

namespace LiveCasino.Payments.Wire;

/// <summary>Source-generated JSON for every payment wire type (camelCase, enums by their stable wire names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProviderPaymentRequest))]
[JsonSerializable(typeof(ProviderPaymentResponse))]
[JsonSerializable(typeof(ProviderError))]
[JsonSerializable(typeof(PaymentNotification))]
[JsonSerializable(typeof(WebhookAck))]
[JsonSerializable(typeof(Simulator.ProviderStats))]
public sealed partial class PaymentsJsonContext : JsonSerializerContext;
