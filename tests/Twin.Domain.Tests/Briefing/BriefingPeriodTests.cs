using Twin.Domain.Alarms;
using Twin.Domain.Briefing;
using Twin.Domain.Geography;

namespace Twin.Domain.Tests.Briefing;

public class BriefingPeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_Shanghai_day_starts_at_16_00_UTC_the_day_before()
    {
        var day = BriefingPeriod.Containing(PeriodKind.Day, D(2027, 1, 1));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), day.From);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 16, 0, 0, TimeSpan.Zero), day.To);
        Assert.Equal(D(2027, 1, 1), BriefingPeriod.DayOf(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D(2026, 12, 31), BriefingPeriod.DayOf(new DateTimeOffset(2026, 12, 31, 15, 59, 59, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2027, 3, 15, 2027, 2, 1, 2027, 2, 28)] // March against all of February
    [InlineData(2028, 3, 31, 2028, 2, 1, 2028, 2, 29)] // a leap year's February
    [InlineData(2027, 1, 1, 2026, 12, 1, 2026, 12, 31)] // across the year's end
    [InlineData(2026, 12, 31, 2026, 11, 1, 2026, 11, 30)]
    public void A_month_compares_with_the_whole_calendar_month_before(int y, int m, int d, int py, int pm, int pd, int ly, int lm, int ld)
    {
        var month = BriefingPeriod.Containing(PeriodKind.Month, D(y, m, d));
        Assert.Equal((D(y, m, 1), D(y, m, DateTime.DaysInMonth(y, m))), (month.FirstDay, month.LastDay));
        var previous = month.Previous();
        Assert.Equal((D(py, pm, pd), D(ly, lm, ld)), (previous.FirstDay, previous.LastDay));
        Assert.Equal(month.From, previous.To);
    }

    [Fact]
    public void Weeks_run_Monday_to_Sunday_and_custom_periods_compare_with_as_many_days_before()
    {
        var week = BriefingPeriod.Containing(PeriodKind.Week, D(2026, 12, 6)); // a Sunday
        Assert.Equal((D(2026, 11, 30), D(2026, 12, 6)), (week.FirstDay, week.LastDay));
        Assert.Equal((D(2026, 11, 23), D(2026, 11, 29)), (week.Previous().FirstDay, week.Previous().LastDay));

        var custom = BriefingPeriod.Custom(D(2026, 11, 28), D(2026, 12, 2))!;
        Assert.Equal(5, custom.Days);
        Assert.Equal((D(2026, 11, 23), D(2026, 11, 27)), (custom.Previous().FirstDay, custom.Previous().LastDay));
        Assert.Null(BriefingPeriod.Custom(D(2026, 12, 2), D(2026, 12, 1)));
        Assert.Null(BriefingPeriod.Custom(D(2025, 1, 1), D(2026, 1, 2)));
    }

    [Fact]
    public void A_critical_alarm_needs_a_leader_once_it_has_been_open_over_an_hour()
    {
        var now = new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
        AlarmState Alarm(string id, AlarmSeverity severity, TimeSpan age, DateTimeOffset? cleared = null) =>
            new(id, AlarmSource.SensorThreshold, "S-" + id, "water-level", severity, "水位超警", new GeoPoint(121.4, 31.25), "310107005", now - age, null, null, cleared);
        var alarms = new[]
        {
            Alarm("A-1", AlarmSeverity.Critical, TimeSpan.FromMinutes(61)),
            Alarm("A-2", AlarmSeverity.Critical, TimeSpan.FromMinutes(60)),
            Alarm("A-3", AlarmSeverity.Major, TimeSpan.FromHours(5)),
            Alarm("A-4", AlarmSeverity.Critical, TimeSpan.FromHours(3), cleared: now.AddMinutes(-1)),
            Alarm("A-5", AlarmSeverity.Critical, TimeSpan.FromHours(2)),
        };

        var decisions = DecisionItems.Judge(now, [], [], alarms);

        Assert.Equal(["A-5", "A-1"], decisions.LongCriticalAlarms.Select(a => a.Id));
    }
}
