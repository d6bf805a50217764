using Xunit.Abstractions;

namespace LiveCasino.Browser.Tests.Support;

/// <summary>
/// A browser test with a node of its own: the node starts before each test and stops after it, and
/// <see cref="OpenAsync"/> gives a person their own browser context on it.
/// </summary>
public abstract class LiveNodeTest(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    protected LiveNode Node { get; } = new();

    public Task InitializeAsync() => Node.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>A new browser context on the node, its console lines prefixed with <paramref name="who"/>.</summary>
    protected Task<Person> OpenAsync(string who) => Person.OpenAsync(browser.Browser, Node, output, who);
}
