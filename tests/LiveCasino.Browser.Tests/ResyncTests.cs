using LiveCasino.Browser.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LiveCasino.Browser.Tests;

/// <summary>
/// A table page that misses an event (a message lost between the hub and the page) notices it by
/// the next event's prevSeq, asks the server for a fresh snapshot (Resync), shows the table as the
/// snapshot says, and carries on with the live events that follow.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResyncTests(BrowserFixture browser, ITestOutputHelper output) : LiveNodeTest(browser, output)
{
    [Fact]
    public async Task Page_that_missed_no_more_bets_resyncs_and_follows_the_round_to_its_result()
    {
        var (consoleId, apiKey) = await Node.CreateConsoleAsync();
        await using var player = await OpenAsync("player");
        await using var dealer = await OpenAsync("dealer");
        await player.RegisterAsync("gina", "gaps-are-found-3");
        await player.Page.GotoAsync($"/dragontiger.html?table={LiveNode.DragonTiger}");
        await Expect(player.ById("connection")).ToHaveTextAsync("live");
        await Expect(player.ById("video-placeholder")).ToBeVisibleAsync();

        await dealer.SignInConsoleAsync(consoleId, apiKey, LiveNode.DragonTiger);
        await dealer.DealerAsync("action-shoe");
        await dealer.ById("burn-card").FillAsync("AS");
        await dealer.DealerAsync("burn-submit");
        await dealer.ById("burn-card").FillAsync("5D");
        await dealer.DealerAsync("burn-submit");
        await dealer.DealerAsync("action-open");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "bettingOpen");
        Assert.Equal(0, await player.Page.EvaluateAsync<int>("() => livecasino.feed.resyncs"));

        // Lose the next "no more bets" on its way into the page.
        await player.Page.EvaluateAsync(@"() => {
            const feed = livecasino.feed;
            const receive = feed.receive.bind(feed);
            let lost = false;
            feed.receive = (name, e) => {
                if (!lost && name === 'betsClosed') { lost = true; return; }
                receive(name, e);
            };
        }");
        await dealer.DealerAsync("action-close");
        await dealer.ById("scan-card").FillAsync("KH");
        await dealer.DealerAsync("scan-submit");

        // The card's event names the lost one as its predecessor: the page asks a fresh snapshot.
        await Expect(player.ById("event-log")).ToContainTextAsync("missed events");
        await Expect(player.ById("event-log")).ToContainTextAsync("(gap)");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "dealing");
        await Expect(player.ById("cards-dragon").Locator("[data-card='KH']")).ToBeVisibleAsync();
        Assert.Equal(1, await player.Page.EvaluateAsync<int>("() => livecasino.feed.resyncs"));

        // And it follows the live events after the snapshot.
        await dealer.ById("scan-card").FillAsync("3C");
        await dealer.DealerAsync("scan-submit");
        await Expect(player.ById("cards-tiger").Locator("[data-card='3C']")).ToBeVisibleAsync();
        await Expect(player.ById("hand-dragon")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bwinner\\b"));
        await Expect(player.ById("banner")).ToContainTextAsync("Dragon wins");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "settled");
        Assert.Equal(1, await player.Page.EvaluateAsync<int>("() => livecasino.feed.resyncs"));
    }
}
