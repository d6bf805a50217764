namespace LiveCasino.Tables.Sensors;

/// <summary>
/// One parsed, validated sensor reading. <paramref name="Sequence"/> is the console's counter
/// (ordering, gaps, retransmits); <paramref name="StudioAt"/> the studio clock when it was read.
/// </summary>
public sealed record SensorReading(long Sequence, DateTimeOffset StudioAt, string Device, SensorKind Kind, string? Card, int? Number, int? Revolutions)
{
    public const string Shoe = "shoe";
    public const string Wheel = "wheel";

    /// <summary>What was read, without when: two readings with the same content close together are one physical read.</summary>
    public string Content => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Device}:{Kind}:{Card}:{Number}");
}
