namespace LiveCasino.Stores;

/// <summary>
/// Shared by the SQLite and PostgreSQL stores (the PostgreSQL project links this file).
/// Tags of an event as one column: joined by the ASCII unit separator, null when there are none.
/// </summary>
internal static class TagCodec
{
    public const char Separator = '\u001f';

    /// <summary>Null when the tags are fine, else why they cannot be stored.</summary>
    public static string? Validate(IReadOnlyList<string> tags)
    {
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(Separator, StringComparison.Ordinal))
            {
                return $"Tag '{tag}' is empty or contains the reserved separator U+001F.";
            }
        }

        return null;
    }

    public static string? Join(IReadOnlyList<string> tags) => tags.Count == 0 ? null : string.Join(Separator, tags);

    public static IReadOnlyList<string> Split(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split(Separator);
}
