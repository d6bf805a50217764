using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;

namespace LiveCasino.Persistence.Query;

/// <summary>Makes the <see cref="LiveCasinoReadJournal"/> of a query section (the section's <c>class</c>).</summary>
public sealed class LiveCasinoReadJournalProvider : IReadJournalProvider
{
    private readonly LiveCasinoReadJournal _journal;

    public LiveCasinoReadJournalProvider(ExtendedActorSystem system, Config config) => _journal = new LiveCasinoReadJournal(system, config);

    public IReadJournal GetReadJournal() => _journal;
}
