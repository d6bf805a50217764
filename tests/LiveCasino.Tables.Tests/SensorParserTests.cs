using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Tests;

/// <summary>The sensor line formats, text and JSON, and every malformed-input reason.</summary>
public sealed class SensorParserTests
{
    private const long At = 1_767_268_800_123;

    [Theory]
    [InlineData("57|1767268800123|shoe|QH", SensorKind.Card, "QH", null, null)]
    [InlineData(" 57|1767268800123|SHOE|qh ", SensorKind.Card, "QH", null, null)]
    [InlineData("57|1767268800123|shoe|BURN 7C", SensorKind.Burn, "7C", null, null)]
    [InlineData("57|1767268800123|shoe|CUT", SensorKind.CutCard, null, null, null)]
    [InlineData("57|1767268800123|wheel|SPIN", SensorKind.SpinStarted, null, null, null)]
    [InlineData("57|1767268800123|wheel|17 r=6", SensorKind.WheelResult, null, 17, 6)]
    [InlineData("57|1767268800123|wheel|0", SensorKind.WheelResult, null, 0, null)]
    [InlineData("57|1767268800123|wheel|17 r=2 FAULT", SensorKind.WheelFault, null, 17, 2)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"shoe","card":"QH"}""", SensorKind.Card, "QH", null, null)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"shoe","burn":"7c"}""", SensorKind.Burn, "7C", null, null)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"shoe","cut":true}""", SensorKind.CutCard, null, null, null)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"wheel","spin":true}""", SensorKind.SpinStarted, null, null, null)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"wheel","number":17,"revolutions":6}""", SensorKind.WheelResult, null, 17, 6)]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"wheel","number":17,"revolutions":6,"fault":true}""", SensorKind.WheelFault, null, 17, 6)]
    public void Valid_lines_parse_to_readings(string line, SensorKind kind, string? card, int? number, int? revolutions)
    {
        var parsed = SensorParser.Parse(line);
        Assert.True(parsed.IsValid, parsed.Reason);
        var r = parsed.Value!;
        Assert.Equal((57L, DateTimeOffset.FromUnixTimeMilliseconds(At), kind, card, number, revolutions), (r.Sequence, r.StudioAt, r.Kind, r.Card, r.Number, r.Revolutions));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("57|1767268800123|shoe", "field-count")]
    [InlineData("57|1767268800123|shoe|QH|extra", "field-count")]
    [InlineData("-1|1767268800123|shoe|QH", "sequence")]
    [InlineData("x|1767268800123|shoe|QH", "sequence")]
    [InlineData("57|yesterday|shoe|QH", "timestamp")]
    [InlineData("57|12|shoe|QH", "timestamp")]
    [InlineData("57|1767268800123|dice|QH", "device")]
    [InlineData("57|1767268800123|shoe|1X", "card")]
    [InlineData("57|1767268800123|shoe|BURN", "card")]
    [InlineData("57|1767268800123|wheel|37", "number")]
    [InlineData("57|1767268800123|wheel|seventeen", "number")]
    [InlineData("57|1767268800123|wheel|17 r=x", "payload")]
    [InlineData("{not json", "json")]
    [InlineData("[1,2]", "field-count")]
    [InlineData("""{"seq":"57","at":1767268800123,"device":"shoe","card":"QH"}""", "sequence")]
    [InlineData("""{"seq":57,"device":"shoe","card":"QH"}""", "timestamp")]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"shoe"}""", "card")]
    [InlineData("""{"seq":57,"at":1767268800123,"device":"wheel","number":17,"revolutions":-1}""", "revolutions")]
    [InlineData("""{"seq":57,"at":1767268800123}""", "device")]
    public void Malformed_lines_are_refused_with_a_stable_reason(string? line, string reason)
    {
        var parsed = SensorParser.Parse(line);
        Assert.False(parsed.IsValid);
        Assert.Equal(reason, parsed.Reason);
    }

    [Fact]
    public void A_line_past_the_length_limit_is_refused()
    {
        Assert.Equal("too-long", SensorParser.Parse("57|1767268800123|shoe|" + new string('Q', SensorParser.LineLengthMax)).Reason);
    }
}
