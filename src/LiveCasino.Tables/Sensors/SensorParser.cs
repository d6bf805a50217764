using System.Globalization;
using System.Text.Json;


namespace LiveCasino.Tables.Sensors;

/// <summary>
/// Parses raw sensor lines, text or JSON (docs/tables.md, "Sensor formats"):
/// <code>
/// 57|1767268800123|shoe|QH          a card dealt          {"seq":57,"at":1767268800123,"device":"shoe","card":"QH"}
/// 58|1767268800456|shoe|BURN 7C     a burn card           {"seq":58,"at":...,"device":"shoe","burn":"7C"}
/// 59|1767268800789|shoe|CUT         the cut card          {"seq":59,"at":...,"device":"shoe","cut":true}
/// 60|1767268801000|wheel|SPIN       ball launched         {"seq":60,"at":...,"device":"wheel","spin":true}
/// 61|1767268825000|wheel|17 r=6     pocket 17, 6 revs     {"seq":61,"at":...,"device":"wheel","number":17,"revolutions":6}
/// 62|1767268825000|wheel|17 r=2 FAULT                     {"seq":62,"at":...,"device":"wheel","number":17,"revolutions":2,"fault":true}
/// </code>
/// Anything else is invalid with a stable reason code; the parser never throws on input.
/// </summary>
public static class SensorParser
{
    public const int LineLengthMax = 512;

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Validation<SensorReading> Parse(string? line)
    {
        var text = line?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Validation<SensorReading>.Invalid("empty");
        }

        if (text.Length > LineLengthMax)
        {
            return Validation<SensorReading>.Invalid("too-long");
        }

        return text[0] == '{' ? ParseJson(text) : ParseText(text);
    }

    private static Validation<SensorReading> ParseText(string text)
    {
        var fields = text.Split('|');
        if (fields.Length != 4)
        {
            return Validation<SensorReading>.Invalid("field-count");
        }

        if (!long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return Validation<SensorReading>.Invalid("sequence");
        }

        if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || Time(ms) is not { } at)
        {
            return Validation<SensorReading>.Invalid("timestamp");
        }

        var payload = fields[3].Trim().ToUpperInvariant();
        switch (fields[2].Trim().ToLowerInvariant())
        {
            case SensorReading.Shoe:
                if (payload == "CUT")
                {
                    return Reading(seq, at, SensorReading.Shoe, SensorKind.CutCard);
                }

                var burn = payload.StartsWith("BURN ", StringComparison.Ordinal);
                return CardReading(seq, at, burn ? payload[5..].Trim() : payload, burn);
            case SensorReading.Wheel:
                if (payload == "SPIN")
                {
                    return Reading(seq, at, SensorReading.Wheel, SensorKind.SpinStarted);
                }

                var parts = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return Validation<SensorReading>.Invalid("number");
                }

                int? revolutions = null;
                var fault = false;
                foreach (var part in parts.Skip(1))
                {
                    if (part.StartsWith("R=", StringComparison.Ordinal) && int.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                    {
                        revolutions = r;
                    }
                    else if (part == "FAULT")
                    {
                        fault = true;
                    }
                    else
                    {
                        return Validation<SensorReading>.Invalid("payload");
                    }
                }

                return WheelReading(seq, at, number, revolutions, fault);
            default:
                return Validation<SensorReading>.Invalid("device");
        }
    }

    private static Validation<SensorReading> ParseJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Validation<SensorReading>.Invalid("json");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Validation<SensorReading>.Invalid("json");
            }

            if (!TryLong(root, "seq", out var seq) || seq < 0)
            {
                return Validation<SensorReading>.Invalid("sequence");
            }

            if (!TryLong(root, "at", out var ms) || Time(ms) is not { } at)
            {
                return Validation<SensorReading>.Invalid("timestamp");
            }

            var device = root.TryGetProperty("device", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (device == SensorReading.Shoe)
            {
                if (Flag(root, "cut"))
                {
                    return Reading(seq, at, SensorReading.Shoe, SensorKind.CutCard);
                }

                var burn = root.TryGetProperty("burn", out var b) && b.ValueKind == JsonValueKind.String;
                var card = burn ? b.GetString() : root.TryGetProperty("card", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                return CardReading(seq, at, card?.Trim().ToUpperInvariant(), burn);
            }

            if (device == SensorReading.Wheel)
            {
                if (Flag(root, "spin"))
                {
                    return Reading(seq, at, SensorReading.Wheel, SensorKind.SpinStarted);
                }

                if (!TryLong(root, "number", out var number) || number is < int.MinValue or > int.MaxValue)
                {
                    return Validation<SensorReading>.Invalid("number");
                }

                int? revolutions = null;
                if (root.TryGetProperty("revolutions", out _))
                {
                    if (!TryLong(root, "revolutions", out var r) || r is < 0 or > 1_000)
                    {
                        return Validation<SensorReading>.Invalid("revolutions");
                    }

                    revolutions = (int)r;
                }

                return WheelReading(seq, at, (int)number, revolutions, Flag(root, "fault"));
            }

            return Validation<SensorReading>.Invalid("device");
        }
    }

    private static Validation<SensorReading> CardReading(long seq, DateTimeOffset at, string? card, bool burn) =>
        Games.Cards.Card.TryParse(card, out var parsed)
            ? Validation<SensorReading>.Valid(new SensorReading(seq, at, SensorReading.Shoe, burn ? SensorKind.Burn : SensorKind.Card, parsed.ToString(), null, null))
            : Validation<SensorReading>.Invalid("card");

    private static Validation<SensorReading> WheelReading(long seq, DateTimeOffset at, int number, int? revolutions, bool fault)
    {
        if (number is < 0 or > 36)
        {
            return Validation<SensorReading>.Invalid("number");
        }

        if (revolutions is < 0 or > 1_000)
        {
            return Validation<SensorReading>.Invalid("revolutions");
        }

        return Validation<SensorReading>.Valid(new SensorReading(seq, at, SensorReading.Wheel, fault ? SensorKind.WheelFault : SensorKind.WheelResult, null, number, revolutions));
    }

    private static Validation<SensorReading> Reading(long seq, DateTimeOffset at, string device, SensorKind kind) =>
        Validation<SensorReading>.Valid(new SensorReading(seq, at, device, kind, null, null, null));

    private static DateTimeOffset? Time(long unixMs)
    {
        if (unixMs < Earliest.ToUnixTimeMilliseconds() || unixMs > Latest.ToUnixTimeMilliseconds())
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
    }

    private static bool TryLong(JsonElement root, string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.True;
}
