namespace LiveCasino.Tables.Configuration;

/// <summary>Ids of tables, studios and consoles: 1-64 of letters, digits, '-', '_' and '.', safe in paths, logs and wallet references.</summary>
public static class TableIds
{
    public const int LengthMax = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= LengthMax && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static void Validate(string? id, string what)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"{what} '{id}' is not a valid id (1-{LengthMax} letters, digits, '-', '_', '.').", what);
        }
    }
}
