namespace LiveCasino.Wallets.Domain;

/// <summary>
/// A player's responsible-gaming state: daily deposit and loss limits and self-exclusion, with the
/// counters of the current UTC day. Loss = stakes settled minus payouts settled that day (a net win
/// lowers it). Deposits count when asked for; a failed one is given back to the day it was asked on.
/// The day rolls over when an event of a later day is applied, so replay gives the same counters.
/// </summary>
public sealed class ResponsibleGaming
{
    public long? DailyDepositLimitMinor { get; private set; }

    public long? DailyLossLimitMinor { get; private set; }

    public DateTimeOffset? SelfExcludedUntil { get; private set; }

    /// <summary>The UTC day the counters are for (null before the first one).</summary>
    public DateOnly? Day { get; private set; }

    public long DepositedToday { get; private set; }

    public long LossToday { get; private set; }

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public bool IsExcluded(DateTimeOffset now) => SelfExcludedUntil is { } until && now < until;

    public long DepositedOn(DateOnly day) => Day == day ? DepositedToday : 0;

    public long LossOn(DateOnly day) => Day == day ? LossToday : 0;

    public void SetLimits(long? dailyDepositLimitMinor, long? dailyLossLimitMinor)
    {
        DailyDepositLimitMinor = dailyDepositLimitMinor;
        DailyLossLimitMinor = dailyLossLimitMinor;
    }

    /// <summary>Self-exclusion only ever lengthens.</summary>
    public void Exclude(DateTimeOffset until)
    {
        if (SelfExcludedUntil is not { } current || until > current)
        {
            SelfExcludedUntil = until;
        }
    }

    public void RecordDeposit(DateTimeOffset at, long amountMinor)
    {
        RollTo(DayOf(at));
        DepositedToday = checked(DepositedToday + amountMinor);
    }

    /// <summary>A deposit asked for at <paramref name="begunAt"/> failed: it no longer counts against that day.</summary>
    public void ReleaseDeposit(DateTimeOffset begunAt, long amountMinor)
    {
        if (Day == DayOf(begunAt))
        {
            DepositedToday -= amountMinor;
        }
    }

    public void RecordSettlement(DateTimeOffset at, long stakeMinor, long payoutMinor)
    {
        RollTo(DayOf(at));
        LossToday = checked(LossToday + stakeMinor - payoutMinor);
    }

    public void Restore(long? depositLimit, long? lossLimit, DateTimeOffset? excludedUntil, DateOnly? day, long deposited, long loss)
    {
        DailyDepositLimitMinor = depositLimit;
        DailyLossLimitMinor = lossLimit;
        SelfExcludedUntil = excludedUntil;
        Day = day;
        DepositedToday = deposited;
        LossToday = loss;
    }

    private void RollTo(DateOnly day)
    {
        if (Day != day)
        {
            Day = day;
            DepositedToday = 0;
            LossToday = 0;
        }
    }
}
