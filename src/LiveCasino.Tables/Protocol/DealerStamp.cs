namespace LiveCasino.Tables.Protocol;

/// <summary>
/// Who issued a dealer or shift-manager command and when, by the studio's clock. Studio time is
/// stored beside server time in every event so a client can line results up with its video.
/// </summary>
/// <param name="By">Console id ("studio-1/console-3") or manager name; recorded with the event.</param>
public sealed record DealerStamp(string By, DateTimeOffset StudioAt)
{
    public const int ByLengthMax = 128;

    public bool IsValid => !string.IsNullOrWhiteSpace(By) && By.Length <= ByLengthMax;
}
