using LiveCasino.Server.Demo;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Edge;

/// <summary>Start-up validation of <c>LiveCasino:Edge</c> and <c>LiveCasino:Demo</c>; a wrong value stops the node naming the key.</summary>
public sealed class EdgeOptionsValidator : IValidateOptions<EdgeOptions>, IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"{EdgeOptions.Section}:{key} {rule}.");
            }
        }

        Check(options.TablesPerConnectionMax is >= 1 and <= 64, "TablesPerConnectionMax", "must be 1 to 64");
        Check(options.FanoutLanes is >= 0 and <= 256, "FanoutLanes", "must be 0 (one per processor) to 256");
        Check(options.TablesMax is >= 1 and <= 10_000, "TablesMax", "must be 1 to 10000");
        Check(options.ViewersPerTableMax is >= 1 and <= 1_000_000, "ViewersPerTableMax", "must be 1 to 1000000");
        Check(options.CatalogRefreshInterval >= TimeSpan.FromMilliseconds(100) && options.CatalogRefreshInterval <= TimeSpan.FromMinutes(10), "CatalogRefreshInterval", "must be 100 ms to 10 minutes");
        Check(options.FeedCheckInterval >= TimeSpan.FromMilliseconds(100) && options.FeedCheckInterval <= TimeSpan.FromMinutes(10), "FeedCheckInterval", "must be 100 ms to 10 minutes");
        Check(options.ViewerUpdateInterval >= TimeSpan.FromMilliseconds(100) && options.ViewerUpdateInterval <= TimeSpan.FromMinutes(10), "ViewerUpdateInterval", "must be 100 ms to 10 minutes");
        Check(options.AskTimeout >= TimeSpan.FromMilliseconds(10) && options.AskTimeout <= TimeSpan.FromMinutes(1), "AskTimeout", "must be 10 ms to 1 minute");
        Check(options.TransportBufferBytes is >= 1024 and <= 16 * 1024 * 1024, "TransportBufferBytes", "must be 1 KiB to 16 MiB");
        Check(options.SensorLinesQueuedMax is >= 1 and <= 100_000, "SensorLinesQueuedMax", "must be 1 to 100000");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"{DemoOptions.Section}:{key} {rule}.");
            }
        }

        Check(options.Players is >= 0 and <= 100, "Players", "must be 0 to 100");
        Check(Security.LoginNames.IsValidStudio(options.StudioId), "StudioId", Security.LoginNames.StudioRule);
        Check(options.DuplicateReadRate is >= 0 and <= 1, "DuplicateReadRate", "must be 0 to 1");
        Check(options.MistakeRate is >= 0 and <= 1, "MistakeRate", "must be 0 to 1");
        Check(options.Pace is >= 0.01 and <= 100, "Pace", "must be 0.01 to 100");
        Check(string.IsNullOrEmpty(options.Url) || (Uri.TryCreate(options.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)),
            "Url", "must be an absolute http(s) URL");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
