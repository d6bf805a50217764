using System.Globalization;

namespace LiveCasino.Clients;

/// <summary>"--name value" arguments of the sample programs; unknown names are refused.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
            {
                throw new ArgumentException($"unknown argument '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            _values[name[2..]] = args[++i];
        }
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required");

    public double Number(string name, double fallback) =>
        Text(name) is { } t ? double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public int Integer(string name, int fallback) =>
        Text(name) is { } t ? int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
