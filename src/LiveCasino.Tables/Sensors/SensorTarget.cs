using LiveCasino.Tables.Dealers;

namespace LiveCasino.Tables.Sensors;

/// <summary>
/// Where a console's sensor stream sends what it makes: each reading for the table (answered with
/// a <see cref="ReadingAck"/> or an exception when no answer came), and the reports the dealer
/// sees (a malformed line, a gap). The stream knows no actor: the console's host provides these.
/// </summary>
public sealed record SensorTarget(
    Func<SensorReading, DateTimeOffset, TimeSpan, CancellationToken, Task<ReadingAck>> Deliver,
    Action<string, string> Rejected,
    Action<SequenceGap> Gap);
