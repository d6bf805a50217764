namespace LiveCasino.Streams;

/// <summary>An element a validator refused.</summary>
/// <param name="Reason">The validator's stable code for the refusal ("validator-threw" when it threw).</param>
/// <param name="Error">The exception, when the validator threw.</param>
public sealed record Rejection<T>(T Input, string Reason, Exception? Error = null);
