namespace LiveCasino.Browser.Tests.Support;

/// <summary>
/// Where Debian's Chromium is. test.sh installs it (scripts/browser.sh) and exports
/// LIVECASINO_CHROMIUM; without it the usual Debian paths are tried. A missing browser is an
/// error, never a skip: the browser tests must not pass by not running.
/// </summary>
public static class Chromium
{
    public const string Variable = "LIVECASINO_CHROMIUM";

    private static readonly string[] KnownPaths =
    [
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/google-chrome",
    ];

    /// <summary>The executable; throws with what to do when there is none.</summary>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable}={configured} does not exist; run scripts/browser.sh (test.sh does) or fix the variable.");
        }

        return KnownPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is not installed, so the browser tests cannot run. Run ./test.sh (it installs it with scripts/browser.sh), " +
                $"or 'sudo apt-get install -y chromium', or set {Variable} to a Chromium executable.");
    }
}
