namespace LiveCasino.Payments.Simulator;

/// <summary>A fault the simulated provider can be put in, to test our side's retries.</summary>
public enum ProviderFault
{
    /// <summary>Healthy.</summary>
    None,

    /// <summary>The API answers every request with 503 and changes nothing. Payments already accepted still complete and their webhooks still go out.</summary>
    Down,
}
