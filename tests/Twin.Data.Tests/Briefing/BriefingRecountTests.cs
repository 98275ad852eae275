using Twin.Domain.Briefing;
using Xunit.Abstractions;

namespace Twin.Data.Tests.Briefing;

/// <summary>
/// Every figure of the briefing equals a recount over the stored tickets and alarms, read with
/// plain SQL and counted here on the recount's own Shanghai calendar (UTC+8).
/// </summary>
public sealed class BriefingRecountTests(SimulatedHistory history, ITestOutputHelper output) : IClassFixture<SimulatedHistory>
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("2026-12-01")] // the month's first day: its yesterday is 30 November
    [InlineData("2026-12-02")] // today, up to 10:30: every comparison over the same first 10.5 hours
    [InlineData("2026-11-30")]
    public async Task Each_vital_sign_and_its_comparisons_equal_a_recount(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var vitals = await history.Briefings.GetDayVitalsAsync(day);
        output.WriteLine(history.ToString());

        var elapsed = day == Today ? SimulatedHistory.Now - SimulatedHistory.ShanghaiMidnight(day) : TimeSpan.FromDays(1);
        Assert.Equal(day == Today ? SimulatedHistory.Now : SimulatedHistory.ShanghaiMidnight(day.AddDays(1)), vitals.Until);
        foreach (var value in vitals.Values)
        {
            double? On(int daysBack) => day.AddDays(-daysBack) < FirstDay
                ? null
                : Recount(value.Figure, SimulatedHistory.ShanghaiMidnight(day.AddDays(-daysBack)), elapsed);
            var week = Enumerable.Range(1, 7).Select(On).OfType<double>().ToList();
            Assert.Equal(On(0), value.Value);
            Assert.Equal(On(1), value.Yesterday);
            Assert.Equal(On(7), value.SameWeekdayLastWeek);
            Assert.Equal(week.Count > 0 ? week.Average() : null, value.SevenDayAverage);
            Assert.Equal(Enumerable.Range(0, DayVitals.TrendDays).Select(i => On(DayVitals.TrendDays - 1 - i)), value.Trend);
        }

        Assert.True(vitals.Of(VitalFigure.TicketsIn).Value > 300, "a day of the simulated district has hundreds of reports");
        Assert.True(vitals.Of(VitalFigure.AlarmsRaised).Trend.Sum() > 0, "alarms were raised in two weeks");
        Assert.Contains(null, vitals.Of(VitalFigure.TicketsIn).Trend); // the ten days stored do not fill two weeks
    }

    [Theory]
    [InlineData(PeriodKind.Day, "2026-12-01", "2026-11-30", "2026-11-30")]
    [InlineData(PeriodKind.Week, "2026-11-30", "2026-11-23", "2026-11-29")] // Monday to Sunday, across the month's end
    [InlineData(PeriodKind.Month, "2026-12-01", "2026-11-01", "2026-11-30")] // December so far against all of November
    public async Task A_period_s_evaluation_equals_a_recount_against_the_period_before(PeriodKind kind, string day, string previousFirst, string previousLast)
    {
        var period = BriefingPeriod.Containing(kind, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var evaluation = await history.Briefings.GetEvaluationAsync(period);

        Assert.Equal((DateOnly.Parse(previousFirst, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(previousLast, System.Globalization.CultureInfo.InvariantCulture)),
            (evaluation.PreviousPeriod.FirstDay, evaluation.PreviousPeriod.LastDay));
        var current = ReportedIn(period);
        var previous = ReportedIn(evaluation.PreviousPeriod);
        Assert.NotEmpty(current);
        Assert.NotEmpty(previous);

        AssertRow(current, evaluation.Overall);
        AssertRow(previous, evaluation.PreviousOverall);
        Assert.Equal(current.Count, evaluation.ByChannel.Sum(c => c.Count));
        foreach (var channel in evaluation.ByChannel)
        {
            Assert.Equal(current.Count(t => t.Channel == channel.Key), channel.Count);
            Assert.Equal(previous.Count(t => t.Channel == channel.Key), channel.PreviousCount);
        }

        foreach (var category in evaluation.ByCategory)
        {
            Assert.Equal(current.Count(t => t.Category == category.Key), category.Count);
        }

        Assert.Equal(current.Select(t => t.SubDistrict).Distinct().Order(), evaluation.BySubDistrict.Select(r => r.Current.Row.Key).Order());
        foreach (var row in evaluation.BySubDistrict)
        {
            AssertRow(current.Where(t => t.SubDistrict == row.Current.Row.Key).ToList(), row.Current);
            AssertRow(previous.Where(t => t.SubDistrict == row.Current.Row.Key).ToList(), row.Previous!);
        }

        var byId = history.Tickets.ToDictionary(t => t.Id);
        string? DepartmentOf(RawTicket t) => t.IsMerged ? byId[t.MergedInto!].Department : t.Department;
        foreach (var row in evaluation.ByDepartment)
        {
            AssertRow(current.Where(t => DepartmentOf(t) == row.Current.Row.Key).ToList(), row.Current);
        }

        Assert.True(evaluation.ByDepartment.Count > 3, "several departments handle the district's cases");
        AssertRanked(evaluation.ByDepartment);
        AssertRanked(evaluation.BySubDistrict);
        Assert.Equal(period.Days, evaluation.Days.Count);
        Assert.Equal(current.Count, evaluation.Days.Sum(d => d.Reports));
        foreach (var dayCount in evaluation.Days)
        {
            Assert.Equal(current.Count(t => SimulatedHistory.ShanghaiDay(t.ReportedAt) == dayCount.Day), dayCount.Reports);
        }
    }

    [Fact]
    public async Task The_decisions_equal_a_recount_of_the_store_now()
    {
        var decisions = await history.Briefings.GetDecisionsAsync();
        var now = SimulatedHistory.Now;

        var overdue = history.Tickets.Where(t => t.IsOpen && t.SupervisionLevel > 0 && t.StepDueAt < now).Select(t => t.Id).Order();
        Assert.Equal(overdue, decisions.OverdueAfterSupervision.Select(t => t.Id).Order());
        var critical = history.Alarms.Where(a => a.ClearedAt is null && a.Severity == "Critical" && now - a.RaisedAt > TimeSpan.FromHours(1)).Select(a => a.Id).Order();
        Assert.Equal(critical, decisions.LongCriticalAlarms.Select(a => a.Id).Order());
        output.WriteLine($"{decisions.OverdueAfterSupervision.Count} overdue after 督办, {decisions.LongCriticalAlarms.Count} critical, "
            + $"{decisions.RepeatedComplaints.Count} repeated places, {decisions.FallingDepartments.Count} departments falling");

        // Repeated complaints: every place is 3+ reports of one category within 100 m of its newest, in the last 7 days, each report once.
        var week = history.Tickets.Where(t => t.ReportedAt >= now.AddDays(-7) && t.ReportedAt < now).ToDictionary(t => t.Id);
        Assert.NotEmpty(decisions.RepeatedComplaints);
        var seen = new HashSet<string>();
        foreach (var place in decisions.RepeatedComplaints)
        {
            Assert.True(place.TicketIds.Count >= 3);
            foreach (var id in place.TicketIds)
            {
                Assert.True(seen.Add(id), $"{id} counted once");
                var ticket = week[id];
                Assert.Equal(place.CategoryCode, ticket.Category);
                Assert.True(Metres(ticket.Lon, ticket.Lat, place.Place.Lon, place.Place.Lat) <= 100.5, $"{id} within 100 m of the place");
            }
        }

        // …and no three reports of one category within 100 m of the newest of them are left out of every place.
        foreach (var group in week.Values.Where(t => !seen.Contains(t.Id)).GroupBy(t => t.Category))
        {
            var left = group.OrderByDescending(t => t.ReportedAt).ToList();
            foreach (var centre in left)
            {
                Assert.True(left.Count(t => t.ReportedAt <= centre.ReportedAt && Metres(t.Lon, t.Lat, centre.Lon, centre.Lat) <= 99.5) < 3,
                    $"{centre.Id} and two more reports of {centre.Category} nearby are not in any place");
            }
        }

        var todayStart = SimulatedHistory.ShanghaiMidnight(Today);
        Assert.Equal(history.Tickets.Count(t => t.InCorridor && t.ReportedAt >= todayStart && t.ReportedAt < now), decisions.Corridor.ReportedToday);
        Assert.Equal(history.Tickets.Count(t => t.InCorridor && t.IsOpen), decisions.Corridor.Open);
        Assert.Equal(history.Tickets.Count(t => t.InCorridor && t.IsOpen && t.StepDueAt < now), decisions.Corridor.Overdue);
        Assert.Equal(history.Tickets.Count(t => t.InCorridor && t.ClosedAt >= todayStart && t.ClosedAt < now), decisions.Corridor.ClosedToday);

        foreach (var falling in decisions.FallingDepartments)
        {
            var recent = history.Tickets.Where(t => !t.IsMerged && t.ClosedAt is not null && t.Department == falling.Department && t.ReportedAt < now).ToList();
            var last = recent.Where(t => t.ReportedAt >= now.AddDays(-7)).ToList();
            var before = recent.Where(t => t.ReportedAt >= now.AddDays(-14) && t.ReportedAt < now.AddDays(-7)).ToList();
            Assert.Equal(last.Count(t => t.OverdueSteps == 0) / (double)last.Count, falling.OnTimeRate, 9);
            Assert.Equal(before.Count(t => t.OverdueSteps == 0) / (double)before.Count, falling.PreviousOnTimeRate, 9);
            Assert.True(falling.PreviousOnTimeRate - falling.OnTimeRate >= 0.05);
        }
    }

    /// <summary>The day of the first stored report: the days before it have no figures, not zeros.</summary>
    private DateOnly FirstDay => SimulatedHistory.ShanghaiDay(history.Tickets.Min(t => t.ReportedAt));

    private List<RawTicket> ReportedIn(BriefingPeriod period) =>
        history.Tickets.Where(t => SimulatedHistory.ShanghaiDay(t.ReportedAt) >= period.FirstDay && SimulatedHistory.ShanghaiDay(t.ReportedAt) <= period.LastDay).ToList();

    private double? Recount(VitalFigure figure, DateTimeOffset from, TimeSpan length)
    {
        var to = from + length;
        bool In(DateTimeOffset? at) => at >= from && at < to;
        var tickets = history.Tickets;
        var alarms = history.Alarms;
        return figure switch
        {
            VitalFigure.TicketsIn => tickets.Count(t => In(t.ReportedAt)),
            VitalFigure.Closed => tickets.Count(t => In(t.ClosedAt)),
            VitalFigure.DispatchMinutes => tickets.Where(t => In(t.DispatchedAt)).Select(t => (t.DispatchedAt!.Value - t.ReportedAt).TotalMinutes).ToList() is { Count: > 0 } m ? m.Average() : null,
            VitalFigure.SensorAlarms => alarms.Count(a => In(a.RaisedAt) && a.Source == "SensorThreshold"),
            VitalFigure.AlarmsRaised => alarms.Count(a => In(a.RaisedAt)),
            VitalFigure.CriticalAlarms => alarms.Count(a => In(a.RaisedAt) && a.Severity == "Critical"),
            VitalFigure.Hotline => tickets.Count(t => In(t.ReportedAt) && t.Channel == "Hotline12345"),
            VitalFigure.CitizenApp => tickets.Count(t => In(t.ReportedAt) && t.Channel == "CitizenApp"),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
    }

    private static void AssertRow(IReadOnlyList<RawTicket> group, Twin.Domain.Dispatch.PeriodEvaluationRow actual)
    {
        var cases = group.Where(t => !t.IsMerged).ToList();
        var closed = cases.Where(t => t.ClosedAt is not null).ToList();
        var hours = closed.Select(t => (t.ClosedAt!.Value - t.ReportedAt).TotalHours).Order().ToList();
        var dispatched = cases.Where(t => t.DispatchedAt is not null).Select(t => (t.DispatchedAt!.Value - t.ReportedAt).TotalMinutes).ToList();
        var everClosed = cases.Where(t => t.ClosedAt is not null || t.ReopenedCount > 0).ToList();
        var rated = cases.Where(t => t.Satisfied is not null).ToList();
        var row = actual.Row;
        Assert.Equal((group.Count, cases.Count, closed.Count), (row.Reports, row.Cases, row.Closed));
        Assert.Equal(closed.Count > 0 ? closed.Count(t => t.OverdueSteps == 0) / (double)closed.Count : null, row.OnTimeRate);
        Assert.Equal(closed.Count > 0 ? hours[(int)Math.Ceiling(hours.Count * 0.9) - 1] : null, row.P90LoopHours);
        Assert.Equal(closed.Count > 0 ? hours[(int)Math.Ceiling(hours.Count * 0.5) - 1] : null, actual.P50LoopHours);
        AssertClose(dispatched.Count > 0 ? dispatched.Average() : null, actual.MeanDispatchMinutes);
        AssertClose(closed.Count > 0 ? hours.Average() : null, row.MeanLoopHours);
        Assert.Equal(everClosed.Count > 0 ? everClosed.Count(t => t.ReopenedCount > 0) / (double)everClosed.Count : null, row.ReopenRate);
        Assert.Equal(rated.Count, actual.Rated);
        Assert.Equal(rated.Count > 0 ? rated.Count(t => t.Satisfied == true) / (double)rated.Count : null, actual.SatisfactionRate);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 6);
        }
    }

    /// <summary>Ranks 1, 2, … by on-time rate (highest first), rows with nothing closed last.</summary>
    private static void AssertRanked(IReadOnlyList<RankedEvaluation> rows)
    {
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Rank));
        var rates = rows.Select(r => r.Current.Row.OnTimeRate ?? -1).ToList();
        Assert.Equal(rates.OrderByDescending(r => r), rates);
    }

    /// <summary>Haversine on a sphere of the WGS-84 mean radius: independent of the projection the service measures with.</summary>
    private static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
