namespace LiveCasino.Tables.Configuration;

/// <summary>
/// Where clients find the table's video (the video itself is not ours), and how far behind live
/// each feed runs, so a client can line data up with what it shows.
/// </summary>
/// <param name="Urls">Feeds by protocol, e.g. "webrtc", "ll-hls", "hls"; at most <see cref="UrlsMax"/>.</param>
/// <param name="DelayMs">Typical delay behind live per protocol, in milliseconds.</param>
public sealed record StreamDescriptor(IReadOnlyDictionary<string, string> Urls, IReadOnlyDictionary<string, int> DelayMs)
{
    public const int UrlsMax = 8;

    public static StreamDescriptor None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, int>());

    public void Validate()
    {
        if (Urls is null || DelayMs is null || Urls.Count > UrlsMax || DelayMs.Count > UrlsMax)
        {
            throw new ArgumentException($"A stream descriptor lists at most {UrlsMax} feeds.");
        }

        foreach (var (protocol, url) in Urls)
        {
            if (string.IsNullOrWhiteSpace(protocol) || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"Stream feed '{protocol}' needs an absolute URL, not '{url}'.");
            }
        }

        if (DelayMs.Values.Any(d => d is < 0 or > 60_000))
        {
            throw new ArgumentException("Stream delays are 0-60,000 ms.");
        }
    }
}
