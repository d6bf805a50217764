using LiveCasino.Browser.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LiveCasino.Browser.Tests;

/// <summary>
/// A new player, start to finish in the browser: registers, deposits through the demo payment
/// provider, joins the roulette table, bets on red, and sees the number, the payout and the balance
/// change. The dealer runs the round by hand on the dealer console page in another browser context.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RouletteJourneyTests(BrowserFixture browser, ITestOutputHelper output) : LiveNodeTest(browser, output)
{
    [Fact]
    public async Task New_player_registers_deposits_bets_on_red_and_is_paid_when_red_comes()
    {
        var (consoleId, apiKey) = await Node.CreateConsoleAsync();
        await using var player = await OpenAsync("player");
        await using var dealer = await OpenAsync("dealer");

        await player.RegisterAsync("rosa", "red-is-my-colour-7");
        await Expect(player.ById($"table-{LiveNode.Roulette}")).ToBeVisibleAsync();
        await player.DepositAsync("100");
        await Expect(player.ById("balance-available")).ToHaveTextAsync("100.00 EUR");

        await player.Page.GotoAsync($"/roulette.html?table={LiveNode.Roulette}");
        await Expect(player.ById("connection")).ToHaveTextAsync("live");
        await Expect(player.ById("header-balance")).ToHaveTextAsync("100.00 EUR");
        await Expect(player.ById("video-url")).ToContainTextAsync(Node.VideoUrl.ToString());
        await Expect(player.ById("video-sync")).ToBeCheckedAsync();

        await dealer.SignInConsoleAsync(consoleId, apiKey, LiveNode.Roulette);
        await dealer.DealerAsync("action-open");

        await Expect(player.ById("phase")).ToHaveAttributeAsync("data-phase", "bettingOpen");
        await player.ById("chip-500").ClickAsync();
        await player.ById("spot-red").ClickAsync();
        await Expect(player.ById("slip-total")).ToHaveTextAsync("5.00 EUR");
        await player.ById("place-bet").ClickAsync();
        await Expect(player.Page.Locator("[data-testid='my-bets'] [data-status='accepted']")).ToHaveCountAsync(1);
        await Expect(player.ById("header-balance")).ToHaveTextAsync("95.00 EUR");

        await dealer.DealerAsync("action-close");
        await Expect(player.ById("phase")).Not.ToHaveAttributeAsync("data-phase", "bettingOpen");
        await Expect(player.ById("place-bet")).ToBeDisabledAsync();
        await dealer.DealerAsync("action-spin");
        await dealer.ById("wheel-number").FillAsync("3");
        await dealer.ById("wheel-revolutions").FillAsync("6");
        await dealer.DealerAsync("wheel-submit");

        await Expect(player.ById("last-number")).ToHaveAttributeAsync("data-number", "3");
        await Expect(player.ById("spot-straight:3")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bwon\\b"));
        await Expect(player.ById("banner")).ToHaveAttributeAsync("data-net", "500");
        await Expect(player.ById("banner")).ToContainTextAsync("+5.00 EUR");
        await Expect(player.ById("header-balance")).ToHaveTextAsync("105.00 EUR");
        await SaveScreenshotAsync(player.Page);

        // The wallet page (REST) tells the same story.
        await player.Page.GotoAsync("/wallet.html");
        await Expect(player.ById("balance-available")).ToHaveTextAsync("105.00 EUR");
        await Expect(player.Page.Locator("[data-testid='history'] tr[data-kind='bet-settled']")).ToHaveCountAsync(1);
        await Expect(player.Page.Locator("[data-testid='history'] tr[data-kind='deposit-confirmed']")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// With LIVECASINO_SCREENSHOT=path.png, the table page after the payout is saved there (how
    /// docs/img/roulette-table.png is made); otherwise nothing.
    /// </summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var path = Environment.GetEnvironmentVariable("LIVECASINO_SCREENSHOT");
        if (!string.IsNullOrEmpty(path))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
    }
}
