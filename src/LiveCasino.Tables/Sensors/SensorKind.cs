namespace LiveCasino.Tables.Sensors;

/// <summary>What a sensor reading says.</summary>
public enum SensorKind
{
    /// <summary>Shoe scanner: a card dealt for the round.</summary>
    Card,

    /// <summary>Shoe scanner in burn mode: a burn card.</summary>
    Burn,

    /// <summary>Shoe scanner: the cut card came out.</summary>
    CutCard,

    /// <summary>Wheel sensor: the ball was launched.</summary>
    SpinStarted,

    /// <summary>Wheel sensor: the ball settled in a pocket.</summary>
    WheelResult,

    /// <summary>Wheel sensor: a result with a fault flag (ball left the wheel, misread): the table refuses it as "no spin".</summary>
    WheelFault,
}
