using Microsoft.Extensions.Hosting;

namespace LiveCasino.Payments.Simulator;

/// <summary>
/// A host lifetime that leaves process signals alone: an embedded simulator must not take Ctrl+C
/// away from the process that hosts it (the default console lifetime would stop only Kestrel).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
