namespace LiveCasino.Streams;

/// <summary>An element and the time the pipeline received it.</summary>
public sealed record Stamped<T>(T Value, DateTimeOffset ReceivedAt);
