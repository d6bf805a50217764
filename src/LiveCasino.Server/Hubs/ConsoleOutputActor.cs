using Akka.Actor;
using LiveCasino.Tables.Dealers;

namespace LiveCasino.Server.Hubs;

/// <summary>The output address a dealer console actor reports to: hands each report to the connection's session.</summary>
internal sealed class ConsoleOutputActor(DealerSession session) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is ConsoleEvent report)
        {
            session.OnConsoleEvent(report);
        }
        else
        {
            Unhandled(message);
        }
    }
}
