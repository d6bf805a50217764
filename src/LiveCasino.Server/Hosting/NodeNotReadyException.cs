namespace LiveCasino.Server.Hosting;

/// <summary>A part of the node is not started yet (or is stopping); the API answers 503 with Retry-After.</summary>
public sealed class NodeNotReadyException(string what) : InvalidOperationException($"{what} is not ready: the node is starting or stopping.");
