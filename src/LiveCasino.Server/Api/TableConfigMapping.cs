using System.Text.Json;
using LiveCasino.Games.Common;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Api;

/// <summary>
/// Between the operator's <see cref="TableConfigBody"/> and the tables' <see cref="TableConfig"/>:
/// defaults for what is omitted, and validation whose error names the JSON field to fix
/// (<c>limits.playerRoundMax</c>, <c>bettingWindowMs</c>...), so a refusal says what to change.
/// </summary>
internal static class TableConfigMapping
{
    /// <summary>Builds and validates the configuration; on failure <paramref name="problem"/> names the field.</summary>
    public static TableConfig? TryBuild(TableConfigBody body, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryParseGame(body.Game, out var game))
        {
            problem = $"game must be one of {string.Join(", ", Enum.GetValues<GameKind>().Select(Name))}, not '{body.Game}'";
            return null;
        }

        var d = TableLimits.Default;
        var l = body.Limits ?? new LimitsBody();
        var limits = new TableLimits(
            new SpotRange(l.SpotMin ?? d.Spot.Min, l.SpotMax ?? d.Spot.Max),
            l.SpotByKind?.ToDictionary(kv => kv.Key, kv => new SpotRange(kv.Value.Min, kv.Value.Max), StringComparer.Ordinal),
            l.PlayerRoundMax ?? d.PlayerRoundMax,
            l.RoundMax ?? d.RoundMax,
            l.BetsPerPlayerPerRoundMax ?? d.BetsPerPlayerPerRoundMax,
            l.BetsPerRoundMax ?? d.BetsPerRoundMax,
            l.LinesPerBetMax ?? d.LinesPerBetMax,
            l.LinesPerPlayerPerRoundMax ?? d.LinesPerPlayerPerRoundMax);
        if (l.SpotByKind is { Count: > SpotKindsMax })
        {
            problem = $"limits.spotByKind holds at most {SpotKindsMax} kinds";
            return null;
        }

        var stream = new StreamDescriptor(
            body.Stream?.Urls ?? new Dictionary<string, string>(StringComparer.Ordinal),
            body.Stream?.DelayMs ?? new Dictionary<string, int>(StringComparer.Ordinal));
        var config = new TableConfig(
            body.StudioId, game, body.Currency,
            body.Paytable is { } p ? new PaytableRef(p.Id, p.Version) : Paytables.DefaultFor(game),
            limits, TimeSpan.FromMilliseconds(body.BettingWindowMs), stream,
            body.Decks ?? Games.Cards.Shoe.DefaultDecks, body.MinRevolutions ?? Games.Roulette.RouletteOptions.DefaultMinRevolutions);

        // Parts first, so the message can name the part; then the whole (which names its own fields).
        problem = Check("limits", limits.Validate) ?? Check("stream", stream.Validate) ?? Check(null, config.Validate);
        return problem is null ? config : null;
    }

    /// <summary>Most spot kinds one table may give their own range.</summary>
    public const int SpotKindsMax = 64;

    public static TableConfigBody ToBody(TableConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var l = c.Limits;
        return new TableConfigBody(
            c.StudioId, Name(c.Game), c.Currency, (int)c.BettingWindow.TotalMilliseconds,
            new PaytableBody(c.Paytable.Id, c.Paytable.Version),
            new LimitsBody(
                l.Spot.Min, l.Spot.Max, l.SpotByKind?.ToDictionary(kv => kv.Key, kv => new SpotRangeBody(kv.Value.Min, kv.Value.Max), StringComparer.Ordinal),
                l.PlayerRoundMax, l.RoundMax, l.BetsPerPlayerPerRoundMax, l.BetsPerRoundMax, l.LinesPerBetMax, l.LinesPerPlayerPerRoundMax),
            new StreamBody(
                c.Stream.Urls.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                c.Stream.DelayMs.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)),
            c.Decks, c.MinRevolutions);
    }

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static bool TryParseGame(string? name, out GameKind game)
    {
        foreach (var g in Enum.GetValues<GameKind>())
        {
            if (string.Equals(Name(g), name, StringComparison.Ordinal))
            {
                game = g;
                return true;
            }
        }

        game = default;
        return false;
    }

    private static string? Check(string? part, Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgumentException e)
        {
            var field = FieldOf(part, e.ParamName);
            var message = e is ArgumentOutOfRangeException { ActualValue: { } actual }
                ? $"{Message(e)} (got {actual})"
                : Message(e);
            return field is null ? message : $"{field}: {message}";
        }
    }

    /// <summary>The JSON path of a setting named by its CLR parameter name.</summary>
    private static string? FieldOf(string? part, string? param) => param switch
    {
        null or "" => part,
        "BettingWindow" => "bettingWindowMs",
        _ when part is null => JsonNamingPolicy.CamelCase.ConvertName(param),
        _ => part + "." + JsonNamingPolicy.CamelCase.ConvertName(param),
    };

    /// <summary>The exception's own sentence, without the "(Parameter 'x')" and "Actual value" lines .NET appends.</summary>
    private static string Message(ArgumentException e)
    {
        var text = e.Message;
        var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        text = cut >= 0 ? text[..cut] : text;
        var line = text.IndexOf('\n', StringComparison.Ordinal);
        return (line >= 0 ? text[..line] : text).Trim();
    }
}
