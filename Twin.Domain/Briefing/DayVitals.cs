using Twin.Domain.Alarms;
using Twin.Domain.Tickets;

namespace Twin.Domain.Briefing;

/// <summary>The figures of 今日城市体征 that change day by day, each in one of the wall's five views.</summary>
public enum VitalFigure
{
    /// <summary>城市之脉: reports that came in.</summary>
    TicketsIn,

    /// <summary>城市之脉: cases closed.</summary>
    Closed,

    /// <summary>城市之脉: report to dispatch, over cases dispatched (minutes).</summary>
    DispatchMinutes,

    /// <summary>城市之感: alarms raised by sensors over their levels.</summary>
    SensorAlarms,

    /// <summary>城市之警: every alarm raised.</summary>
    AlarmsRaised,

    /// <summary>城市之警: critical alarms raised.</summary>
    CriticalAlarms,

    /// <summary>城市之声: 12345 hotline reports.</summary>
    Hotline,

    /// <summary>城市之声: 随申拍 reports.</summary>
    CitizenApp,
}

/// <summary>
/// One figure of a day against the days before: yesterday, the same weekday a week earlier, and
/// the mean of the seven days before; each over the same hours of its day as the figure (the
/// hours of today gone so far, or the whole day). <see cref="Trend"/> is the figure's
/// <see cref="DayVitals.TrendDays"/> days up to and including the day, oldest first.
/// </summary>
public sealed record VitalValue(
    VitalFigure Figure,
    double? Value,
    double? Yesterday,
    double? SameWeekdayLastWeek,
    double? SevenDayAverage,
    IReadOnlyList<double?> Trend);

/// <summary>今日城市体征 of one Shanghai day, up to <see cref="Until"/> (the day's end, or now for today).</summary>
public sealed record DayVitals(DateOnly Day, DateTimeOffset Until, IReadOnlyList<VitalValue> Values)
{
    /// <summary>Days in a figure's trend, the day included: two weeks show a weekly rhythm.</summary>
    public const int TrendDays = 14;

    /// <summary>The first day whose tickets and alarms a day's figures read (the trend's and the 7-day mean's).</summary>
    public static DateOnly FirstDayRead(DateOnly day) => day.AddDays(-Math.Max(TrendDays - 1, 7));

    public VitalValue Of(VitalFigure figure) => Values.First(v => v.Figure == figure);

    /// <summary>
    /// Counts <paramref name="day"/> up to <paramref name="now"/> (or the whole day when it is over).
    /// <paramref name="tickets"/> must hold every ticket reported, dispatched or closed from
    /// <see cref="FirstDayRead"/>, <paramref name="alarms"/> every alarm raised since then. Days
    /// before <paramref name="firstDay"/> (the store's first report) have no figures rather than zeros.
    /// </summary>
    public static DayVitals Count(DateOnly day, DateTimeOffset now, DateOnly? firstDay, IReadOnlyList<TicketState> tickets, IReadOnlyList<AlarmState> alarms)
    {
        var dayStart = BriefingPeriod.StartOf(day);
        var dayEnd = BriefingPeriod.StartOf(day.AddDays(1));
        var until = now < dayEnd ? now : dayEnd;

        // Each day compares over the same share of its day: today's first 9 hours against yesterday's first 9.
        var elapsed = until - dayStart;
        var values = Enum.GetValues<VitalFigure>().Select(figure =>
        {
            double? At(int daysBack)
            {
                if (firstDay is not { } first || day.AddDays(-daysBack) < first)
                {
                    return null;
                }

                var from = BriefingPeriod.StartOf(day.AddDays(-daysBack));
                return Measure(figure, from, from + elapsed, tickets, alarms);
            }

            var week = Enumerable.Range(1, 7).Select(At).Where(v => v is not null).Select(v => v!.Value).ToList();
            return new VitalValue(
                figure,
                At(0),
                At(1),
                At(7),
                week.Count > 0 ? week.Average() : null,
                Enumerable.Range(0, TrendDays).Select(i => At(TrendDays - 1 - i)).ToList());
        }).ToList();
        return new DayVitals(day, until, values);
    }

    /// <summary>One figure over [<paramref name="from"/>, <paramref name="to"/>); null for a mean over nothing.</summary>
    public static double? Measure(VitalFigure figure, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TicketState> tickets, IReadOnlyList<AlarmState> alarms)
    {
        bool In(DateTimeOffset? at) => at is { } t && t >= from && t < to;
        return figure switch
        {
            VitalFigure.TicketsIn => tickets.Count(t => In(t.ReportedAt)),
            VitalFigure.Closed => tickets.Count(t => In(t.ClosedAt)),
            VitalFigure.DispatchMinutes => tickets.Where(t => In(t.DispatchedAt)).Select(t => (t.DispatchedAt!.Value - t.ReportedAt).TotalMinutes)
                .DefaultIfEmpty(double.NaN).Average() is var mean && double.IsNaN(mean) ? null : mean,
            VitalFigure.SensorAlarms => alarms.Count(a => In(a.RaisedAt) && a.Source == AlarmSource.SensorThreshold),
            VitalFigure.AlarmsRaised => alarms.Count(a => In(a.RaisedAt)),
            VitalFigure.CriticalAlarms => alarms.Count(a => In(a.RaisedAt) && a.Severity == AlarmSeverity.Critical),
            VitalFigure.Hotline => tickets.Count(t => In(t.ReportedAt) && t.Channel == TicketChannel.Hotline12345),
            VitalFigure.CitizenApp => tickets.Count(t => In(t.ReportedAt) && t.Channel == TicketChannel.CitizenApp),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
    }
}
