namespace LiveCasino.Actors.Core;

internal static class ActorNames
{
    /// <summary>Longest actor name accepted; names appear in paths, logs and metrics.</summary>
    public const int NameLengthMax = 200;

    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > NameLengthMax || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{name}' is not a valid actor name (1-{NameLengthMax} chars, no '/', no white space).", nameof(name));
        }
    }
}
