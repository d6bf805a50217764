using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Options;

/// <summary>
/// Start-up validation of every LiveCasino section: a wrong value stops the host before it opens
/// anything, with a message naming the setting (e.g. "LiveCasino:Store:PostgresConnectionString").
/// The store types validate themselves too; these checks name the configuration keys.
/// </summary>
public sealed partial class LiveCasinoOptionsValidator :
    IValidateOptions<NodeOptions>, IValidateOptions<StoreOptions>
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NodeName();

    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!NodeName().IsMatch(options.Name))
        {
            errors.Add($"{NodeOptions.Section}:Name '{options.Name}' must be 1-64 letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{NodeOptions.Section}:DataDirectory must name a folder.");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero || options.ShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{NodeOptions.Section}:ShutdownTimeout must be between 0 and 10 minutes, not {options.ShutdownTimeout}.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = StoreOptions.Section;
        if (!Enum.IsDefined(options.Provider))
        {
            errors.Add($"{section}:Provider must be Sqlite or Postgres.");
        }
        else if (options.Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            errors.Add($"{section}:PostgresConnectionString is required when {section}:Provider is Postgres.");
        }
        else if (options.Provider == StoreProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqliteFile))
        {
            errors.Add($"{section}:SqliteFile must name a file.");
        }

        if (options.SqliteBusyTimeout < TimeSpan.FromMilliseconds(1) || options.SqliteBusyTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{section}:SqliteBusyTimeout must be between 1 ms and 5 minutes.");
        }

        Check(errors, () => HostedStores.BatchingOptions(options).Validate(), $"{section}:Batch*");
        return Result(errors);
    }

    private static void Check(List<string> errors, Action validate, string where)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{where}: {ex.Message}");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
