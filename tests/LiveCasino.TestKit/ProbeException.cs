namespace LiveCasino.TestKit;

/// <summary>A test's wait or expectation failed: names what was awaited and what came instead.</summary>
public sealed class ProbeException(string message) : Exception(message);
