namespace LiveCasino.Tables.Sensors;

/// <summary>What a validator decided: a value to pass on, or a reason to reject.</summary>
/// <remarks>Use short stable codes as reasons (an enum name), not prose: they are counted and logged.</remarks>
public readonly record struct Validation<T>
{
    private Validation(bool isValid, T? value, string? reason)
    {
        IsValid = isValid;
        Value = value;
        Reason = reason;
    }

    public bool IsValid { get; }

    public T? Value { get; }

    public string? Reason { get; }

    public static Validation<T> Valid(T value) => new(true, value, null);

    public static Validation<T> Invalid(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, default, reason);
    }
}
