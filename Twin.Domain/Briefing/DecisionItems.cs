using Twin.Domain.Alarms;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Domain.Briefing;

/// <summary>Reports of one category at one place: the place is the newest report's, every other within the radius of it.</summary>
public sealed record RepeatedComplaint(string CategoryCode, string SubDistrictCode, GeoPoint Place, string Address, IReadOnlyList<string> TicketIds, DateTimeOffset LatestAt);

/// <summary>A department whose on-time rate over the last week fell against the week before.</summary>
public sealed record FallingDepartment(string Department, double OnTimeRate, double PreviousOnTimeRate, int Closed, int PreviousClosed);

/// <summary>The 苏河秀带's day so far: reports in the corridor today, those still open, and those of them overdue.</summary>
public sealed record CorridorSummary(int ReportedToday, int Open, int Overdue, int ClosedToday, IReadOnlyList<CountRow> TopCategories, IReadOnlyList<string> OpenTicketIds);

/// <summary>
/// 需要决策的事项 at <see cref="At"/>: open cases late after 督办, critical alarms open over an
/// hour, complaints repeated at one place, departments slipping, and the corridor. Lists hold ids
/// (tickets, alarms) so that each figure opens the cases behind it.
/// </summary>
public sealed record DecisionItems(
    DateTimeOffset At,
    IReadOnlyList<TicketState> OverdueAfterSupervision,
    IReadOnlyList<AlarmState> LongCriticalAlarms,
    IReadOnlyList<RepeatedComplaint> RepeatedComplaints,
    IReadOnlyList<FallingDepartment> FallingDepartments,
    CorridorSummary Corridor)
{
    /// <summary>"Within about 100 m": the same place as a citizen or a geocoder gives it.</summary>
    public const double RepeatRadiusMetres = 100;

    public const int RepeatMinimum = 3;

    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    /// <summary>How far back the items read: a week to compare with the week before.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(14);

    public static readonly TimeSpan CriticalOpenFor = TimeSpan.FromHours(1);

    /// <summary>A fall by less than this is noise of a few cases, not a trend.</summary>
    public const double MinOnTimeFall = 0.05;

    /// <summary>A department with fewer closed cases in either week has no rate worth comparing.</summary>
    public const int MinClosedToCompare = 10;

    /// <summary>
    /// Judges the items from <paramref name="openTickets"/> (every open case),
    /// <paramref name="lastTwoWeeks"/> (every report since <see cref="LookBack"/> before
    /// <paramref name="now"/>, and every case closed since then) and <paramref name="activeAlarms"/>;
    /// the repeated complaints are <paramref name="repeated"/> when the store found them (with its
    /// spatial index), else judged here from the last <see cref="RepeatWindow"/>'s reports.
    /// </summary>
    public static DecisionItems Judge(
        DateTimeOffset now,
        IReadOnlyList<TicketState> openTickets,
        IReadOnlyList<TicketState> lastTwoWeeks,
        IReadOnlyList<AlarmState> activeAlarms,
        IReadOnlyList<RepeatedComplaint>? repeated = null)
    {
        var overdue = openTickets
            .Where(t => t.Status.IsOpen() && t.SupervisionLevel > 0 && t.StepDueAt < now)
            .OrderByDescending(t => t.SupervisionLevel).ThenBy(t => t.StepDueAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var critical = activeAlarms
            .Where(a => a.IsActive && a.Severity == AlarmSeverity.Critical && now - a.RaisedAt > CriticalOpenFor)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        repeated ??= Repeated(lastTwoWeeks.Where(t => t.ReportedAt >= now - RepeatWindow && t.ReportedAt < now).ToList());
        return new DecisionItems(now, overdue, critical, repeated, Falling(now, lastTwoWeeks), SummariseCorridor(now, openTickets, lastTwoWeeks));
    }

    /// <summary>
    /// Newest report first: it and the not yet counted reports of its category within the radius of
    /// it form one place when they are at least <see cref="RepeatMinimum"/>; each report counts once.
    /// <paramref name="near"/> says whether two reports of a category are within the radius (by
    /// default measured here in <see cref="LocalProjection.Putuo"/>'s metres; a store with a spatial
    /// index answers it from the pairs it found). Reports near no other may be left out of
    /// <paramref name="week"/>: they neither make a place nor join one.
    /// </summary>
    public static IReadOnlyList<RepeatedComplaint> Repeated(IReadOnlyList<TicketState> week, Func<TicketState, TicketState, bool>? near = null)
    {
        var result = new List<RepeatedComplaint>();
        foreach (var category in week.GroupBy(t => t.CategoryCode, StringComparer.Ordinal))
        {
            var reports = category.OrderByDescending(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            if (reports.Count < RepeatMinimum)
            {
                continue;
            }

            var points = near is null ? reports.Select(t => LocalProjection.Putuo.Forward(t.Location.Lon, t.Location.Lat)).ToList() : null;
            bool Near(int i, int j) => points is not null ? points[i].Distance(points[j]) <= RepeatRadiusMetres : near!(reports[i], reports[j]);
            var counted = new bool[reports.Count];
            for (var i = 0; i < reports.Count; i++)
            {
                if (counted[i])
                {
                    continue;
                }

                var members = Enumerable.Range(i, reports.Count - i)
                    .Where(j => !counted[j] && (j == i || Near(i, j)))
                    .ToList();
                if (members.Count < RepeatMinimum)
                {
                    continue;
                }

                members.ForEach(j => counted[j] = true);
                var centre = reports[i];
                result.Add(new RepeatedComplaint(centre.CategoryCode, centre.SubDistrictCode, centre.Location, centre.Address,
                    members.Select(j => reports[j].Id).ToList(), centre.ReportedAt));
            }
        }

        return result.OrderByDescending(r => r.TicketIds.Count).ThenByDescending(r => r.LatestAt).ToList();
    }

    /// <summary>Cases reported in the last 7 days and closed, against those reported in the 7 before (cohorts, as in 评效).</summary>
    private static List<FallingDepartment> Falling(DateTimeOffset now, IReadOnlyList<TicketState> lastTwoWeeks)
    {
        var weekAgo = now - TimeSpan.FromDays(7);
        var rates = lastTwoWeeks
            .Where(t => t.Status != TicketStatus.Merged && t.ClosedAt is not null && t.Department is not null
                && t.ReportedAt >= now - LookBack && t.ReportedAt < now)
            .GroupBy(t => (Department: t.Department!, Recent: t.ReportedAt >= weekAgo))
            .ToDictionary(g => g.Key, g => (Closed: g.Count(), OnTime: g.Count(t => t.OverdueSteps == 0)));
        return rates.Keys.Where(k => k.Recent).Select(k => k.Department)
            .Where(d => rates.ContainsKey((d, false)))
            .Select(d => (Department: d, Now: rates[(d, true)], Before: rates[(d, false)]))
            .Where(x => x.Now.Closed >= MinClosedToCompare && x.Before.Closed >= MinClosedToCompare)
            .Select(x => new FallingDepartment(x.Department, (double)x.Now.OnTime / x.Now.Closed, (double)x.Before.OnTime / x.Before.Closed, x.Now.Closed, x.Before.Closed))
            .Where(f => f.PreviousOnTimeRate - f.OnTimeRate >= MinOnTimeFall)
            .OrderByDescending(f => f.PreviousOnTimeRate - f.OnTimeRate).ThenBy(f => f.Department, StringComparer.Ordinal)
            .ToList();
    }

    private static CorridorSummary SummariseCorridor(DateTimeOffset now, IReadOnlyList<TicketState> openTickets, IReadOnlyList<TicketState> lastTwoWeeks)
    {
        var todayStart = BriefingPeriod.StartOf(BriefingPeriod.DayOf(now));
        var today = lastTwoWeeks.Where(t => t.InCorridor && t.ReportedAt >= todayStart && t.ReportedAt < now).ToList();
        var open = openTickets.Where(t => t.InCorridor && t.Status.IsOpen()).OrderBy(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        return new CorridorSummary(
            today.Count,
            open.Count,
            open.Count(t => t.StepDueAt < now),
            lastTwoWeeks.Count(t => t.InCorridor && t.ClosedAt >= todayStart && t.ClosedAt < now),
            today.CountBy(t => t.CategoryCode).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5)
                .Select(kv => new CountRow(kv.Key, kv.Value, 0)).ToList(),
            open.Select(t => t.Id).ToList());
    }
}
