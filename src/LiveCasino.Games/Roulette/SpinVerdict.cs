namespace LiveCasino.Games.Roulette;

/// <summary>Whether a spin stands; anything but <see cref="Valid"/> voids the round ("no spin").</summary>
public enum SpinVerdict
{
    Valid = 0,
    NumberOutOfRange,

    /// <summary>The ball made fewer revolutions than the table's minimum.</summary>
    TooFewRevolutions,

    /// <summary>The dealer or the wheel reported a fault (ball left the wheel, foreign object, sensor error).</summary>
    FaultReported,
}
