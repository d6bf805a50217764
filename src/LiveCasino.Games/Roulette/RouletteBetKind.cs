namespace LiveCasino.Games.Roulette;

public enum RouletteBetKind
{
    Straight,
    Split,
    Street,

    /// <summary>0-1-2 or 0-2-3: three numbers including zero, paid like a street.</summary>
    Trio,

    /// <summary>Four numbers meeting at a corner, including 0-1-2-3 ("first four").</summary>
    Corner,

    SixLine,
    Dozen,
    Column,
    Red,
    Black,
    Odd,
    Even,

    /// <summary>1-18.</summary>
    Low,

    /// <summary>19-36.</summary>
    High,
}
