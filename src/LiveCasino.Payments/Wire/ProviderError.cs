namespace LiveCasino.Payments.Wire;

/// <summary>The provider's body for a 4xx or 5xx answer: a stable code and a human detail.</summary>
public sealed record ProviderError(string Error, string Detail);
