using LiveCasino.Stores.Serialization;

namespace LiveCasino.Stores.Tests.Support;

internal static class TestSerializer
{
    public const string DepositedManifest = "test.deposited.v1";
    public const string NotedManifest = "test.noted.v1";
    public const string CounterManifest = "test.counter-state.v1";

    public static EventSerializer Create() =>
        new EventSerializer()
            .Register(DepositedManifest, TestJsonContext.Default.Deposited)
            .Register(NotedManifest, TestJsonContext.Default.Noted)
            .Register(CounterManifest, TestJsonContext.Default.CounterState);
}
