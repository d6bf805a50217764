using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCasino.Browser.Tests.Support;

/// <summary>
/// A person at a browser: their own context (storage, tokens) and page on the node, with the
/// page's console errors and failed requests written to the test output (what a failure needs).
/// Steps click and type as a person does; locators use the pages' data-testid attributes.
/// </summary>
public sealed class Person : IAsyncDisposable
{
    /// <summary>Longest wait for something to appear: covers a betting window and a video delay.</summary>
    public static readonly float WaitMs = 30_000;

    private readonly IBrowserContext _context;

    private Person(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<Person> OpenAsync(IBrowser browser, LiveNode node, ITestOutputHelper output, string who)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = node.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(WaitMs);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                output.WriteLine($"[{who} console {m.Type}] {m.Text}");
            }
        };
        page.PageError += (_, e) => output.WriteLine($"[{who} page error] {e}");
        page.RequestFailed += (_, r) => output.WriteLine($"[{who} request failed] {r.Method} {r.Url}: {r.Failure}");
        return new Person(context, page);
    }

    public ILocator ById(string testId) => Page.GetByTestId(testId);

    /// <summary>Registers through the login page and lands in the lobby, signed in.</summary>
    public async Task RegisterAsync(string username, string password)
    {
        await Page.GotoAsync("/login.html");
        await ById("register-username").FillAsync(username);
        await ById("register-password").FillAsync(password);
        await ById("register-again").FillAsync(password);
        await ById("register-submit").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(ById("header-user")).ToHaveTextAsync(username);
    }

    /// <summary>Deposits through the wallet page and waits until the provider completed it.</summary>
    public async Task DepositAsync(string amount)
    {
        await Page.GotoAsync("/wallet.html");
        await ById("deposit-amount").FillAsync(amount);
        await ById("deposit-submit").ClickAsync();
        await Assertions.Expect(ById("deposit-status")).ToHaveAttributeAsync("data-state", "completed");
    }

    /// <summary>Signs a dealer console in on the console page, bound to <paramref name="tableId"/>.</summary>
    public async Task SignInConsoleAsync(string consoleId, string apiKey, string tableId)
    {
        await Page.GotoAsync($"/dealer.html?table={tableId}");
        await ById("console-login-id").FillAsync(consoleId);
        await ById("console-login-key").FillAsync(apiKey);
        await ById("console-login-submit").ClickAsync();
        await Assertions.Expect(ById("console-bound")).ToHaveAttributeAsync("data-table", tableId);
    }

    /// <summary>Presses a console button and expects the table to accept the action.</summary>
    public async Task DealerAsync(string button)
    {
        await ById("console-verdict").EvaluateAsync("e => { delete e.dataset.accepted; e.textContent = ''; }");
        await ById(button).ClickAsync();
        await ExpectAcceptedAsync(button);
    }

    public async Task ExpectAcceptedAsync(string what)
    {
        var verdict = ById("console-verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-accepted", new System.Text.RegularExpressions.Regex("true|false"));
        var text = await verdict.TextContentAsync();
        Assert.True(await verdict.GetAttributeAsync("data-accepted") == "true", $"{what}: the table refused: {text}");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
