using System.Globalization;

namespace LiveCasino.Streams.Tests.Support;

/// <summary>A parsed device reading, as the worked example in docs/streams.md uses it.</summary>
public sealed record SensorReading(long Sequence, DateTimeOffset DeviceTime, string Value)
{
    /// <summary>Raw form "sequence|device-unix-ms|value".</summary>
    public static Validation<SensorReading> Parse(string raw)
    {
        var parts = raw.Split('|');
        if (parts.Length != 3)
        {
            return Validation<SensorReading>.Invalid("field-count");
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return Validation<SensorReading>.Invalid("sequence");
        }

        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return Validation<SensorReading>.Invalid("device-time");
        }

        return parts[2].Length == 0
            ? Validation<SensorReading>.Invalid("empty-value")
            : Validation<SensorReading>.Valid(new SensorReading(sequence, DateTimeOffset.FromUnixTimeMilliseconds(unixMs), parts[2]));
    }
}
