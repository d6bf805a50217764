using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Serialization;

/// <summary>A plugin whose store section is wrong fails every journal call loudly, naming the key, and keeps trying to open it.</summary>
public sealed class BadStoreTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(PluginUnderTest.LiveCasinoSqlite(string.Empty).Config(), "bad-store", output)
{
    [Fact]
    public void Replay_through_a_journal_with_no_database_file_fails_naming_the_setting()
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "any-" + attempt, TestActor));
            var failure = ExpectMsg<ReplayMessagesFailure>();
            Assert.Contains("livecasino.persistence.sqlite.store", failure.Cause.ToString(), StringComparison.Ordinal);
            Assert.Contains("data-source", failure.Cause.ToString(), StringComparison.Ordinal);
        }
    }
}
