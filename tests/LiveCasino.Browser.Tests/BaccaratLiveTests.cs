using LiveCasino.Browser.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LiveCasino.Browser.Tests;

/// <summary>
/// A dealer runs a baccarat round by hand on the console page while a player's table page watches
/// live: the round opens, each card appears in its hand as it is scanned, totals follow, the
/// winner is marked, and the bead plate and big road gain the result.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BaccaratLiveTests(BrowserFixture browser, ITestOutputHelper output) : LiveNodeTest(browser, output)
{
    [Fact]
    public async Task Player_page_shows_a_hand_run_on_the_dealer_page_card_by_card()
    {
        var (consoleId, apiKey) = await Node.CreateConsoleAsync();
        await using var player = await OpenAsync("player");
        await using var dealer = await OpenAsync("dealer");

        await player.RegisterAsync("bruno", "banker-bets-only-9");
        await player.Page.GotoAsync($"/baccarat.html?table={LiveNode.Baccarat}");
        await Expect(player.ById("connection")).ToHaveTextAsync("live");
        await Expect(player.ById("bead-plate").Locator(".cell")).ToHaveCountAsync(0);

        await dealer.SignInConsoleAsync(consoleId, apiKey, LiveNode.Baccarat);
        await PrepareShoeAsync(dealer);
        await dealer.DealerAsync("action-open");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "bettingOpen");
        await Expect(player.ById("countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await dealer.DealerAsync("action-close");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "bettingClosed");

        // Player 4, Banker 7, Player 0, Banker 0: Player 4 draws, a 2 makes 6; Banker stands on 7.
        await ScanAsync(dealer, "4H");
        await Expect(player.ById("cards-player").Locator(".card")).ToHaveCountAsync(1);
        await Expect(player.ById("total-player")).ToHaveTextAsync("4");
        await ScanAsync(dealer, "7C");
        await Expect(player.ById("cards-banker").Locator("[data-card='7C']")).ToBeVisibleAsync();
        await ScanAsync(dealer, "TD");
        await ScanAsync(dealer, "KS");
        await Expect(player.ById("total-banker")).ToHaveTextAsync("7");
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "dealing");
        await ScanAsync(dealer, "2S");

        await Expect(player.ById("cards-player").Locator(".card")).ToHaveCountAsync(3);
        await Expect(player.ById("total-player")).ToHaveTextAsync("6");
        await Expect(player.ById("hand-banker")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bwinner\\b"));
        await Expect(player.ById("banner")).ToContainTextAsync("Banker wins, 6 : 7");
        await Expect(player.ById("bead-plate").Locator(".cell.banker")).ToHaveCountAsync(1);
        await Expect(player.ById("big-road").Locator(".cell.banker")).ToHaveCountAsync(1);
        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "settled");
    }

    private static async Task ScanAsync(Person dealer, string card)
    {
        await dealer.ById("scan-card").FillAsync(card);
        await dealer.DealerAsync("scan-submit");
    }

    /// <summary>A fresh table has no shoe ready: a new shoe, then its burn (an ace burns one more card).</summary>
    private static async Task PrepareShoeAsync(Person dealer)
    {
        await dealer.DealerAsync("action-shoe");
        foreach (var card in new[] { "AS", "9C" })
        {
            await dealer.ById("burn-card").FillAsync(card);
            await dealer.DealerAsync("burn-submit");
        }
    }
}
