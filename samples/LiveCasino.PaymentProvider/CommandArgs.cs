using System.Globalization;

namespace LiveCasino.PaymentProvider;

/// <summary>"--name value" options and "--flag" switches after the command word; anything unknown is a usage error.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandArgs(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new UsageException($"unexpected argument '{name}'");
            }

            if (flags.Contains(name))
            {
                _values[name] = null;
                continue;
            }

            if (!e.MoveNext())
            {
                throw new UsageException($"{name} needs a value");
            }

            _values[name] = e.Current;
        }
    }

    public string? Text(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public int Int(string name, int fallback) => Parse(name, fallback, s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture));

    public double Double(string name, double fallback) => Parse(name, fallback, s => double.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    /// <summary>Fails on any option no command asked for (a typo should not be silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown)}");
        }
    }

    private T Parse<T>(string name, T fallback, Func<string, T> parse)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"{name} '{text}' is not a valid number");
        }
        catch (OverflowException)
        {
            throw new UsageException($"{name} '{text}' is out of range");
        }
    }
}
