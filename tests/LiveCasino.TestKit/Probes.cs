using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace LiveCasino.TestKit;

/// <summary>Akka.TestKit probes on a node a test started itself (the node gets the test kit's defaults as a fallback).</summary>
public static class Probes
{
    public static TestProbe CreateProbe(this ActorSystem system, string name = "probe")
    {
        ArgumentNullException.ThrowIfNull(system);
        return new TestProbe(system, new XunitAssertions(), name);
    }
}
