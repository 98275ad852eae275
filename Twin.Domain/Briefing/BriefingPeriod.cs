using Twin.Domain.Time;

namespace Twin.Domain.Briefing;

/// <summary>How long a 评效 period is: a Shanghai day, a week (Monday to Sunday), a calendar month, or days chosen by hand.</summary>
public enum PeriodKind
{
    Day,
    Week,
    Month,
    Custom,
}

/// <summary>
/// A period of Shanghai calendar days, <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive,
/// and the UTC instants it covers, [<see cref="From"/>, <see cref="To"/>).
/// </summary>
public sealed record BriefingPeriod(PeriodKind Kind, DateOnly FirstDay, DateOnly LastDay)
{
    /// <summary>The longest custom period: a year of tickets is what a briefing can still hold in memory.</summary>
    public const int MaxDays = 366;

    public DateTimeOffset From => StartOf(FirstDay);

    public DateTimeOffset To => StartOf(LastDay.AddDays(1));

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    /// <summary>The Shanghai day, Monday-to-Sunday week or calendar month containing <paramref name="day"/>.</summary>
    public static BriefingPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => new(kind, day, day),
        PeriodKind.Week => new(kind, day.AddDays(-MondayOffset(day)), day.AddDays(6 - MondayOffset(day))),
        PeriodKind.Month => new(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period names its own days."),
    };

    /// <summary>Days chosen by hand; null when the last is before the first or the span is over <see cref="MaxDays"/>.</summary>
    public static BriefingPeriod? Custom(DateOnly first, DateOnly last) =>
        last < first || last.DayNumber - first.DayNumber + 1 > MaxDays ? null : new(PeriodKind.Custom, first, last);

    /// <summary>
    /// The period before, to compare with: the previous day, week or calendar month (so March
    /// compares with all of February), or as many days just before a custom period.
    /// </summary>
    public BriefingPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Containing(PeriodKind.Month, FirstDay.AddDays(-1)),
        _ => new(Kind, FirstDay.AddDays(-Days), FirstDay.AddDays(-1)),
    };

    /// <summary>The Shanghai calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ShanghaiClock.ToLocal(instant).DateTime);

    /// <summary>The UTC instant at which a Shanghai calendar day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        ShanghaiClock.StartOfDay(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), ShanghaiClock.Zone.BaseUtcOffset));

    private static int MondayOffset(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
}
