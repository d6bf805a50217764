using LiveCasino.Actors.Core;
using LiveCasino.Tables.Dealers;

namespace LiveCasino.Server.Hubs;

/// <summary>The output address a dealer console actor reports to: hands each report to the connection's session.</summary>
internal sealed class ConsoleOutputActor(DealerSession session) : Actor<ConsoleEvent>
{
    protected override ValueTask ReceiveAsync(ConsoleEvent message)
    {
        session.OnConsoleEvent(message);
        return ValueTask.CompletedTask;
    }
}
