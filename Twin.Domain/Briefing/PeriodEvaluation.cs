using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;

namespace Twin.Domain.Briefing;

/// <summary>A count by channel or category, with the previous period's.</summary>
public sealed record CountRow(string Key, int Count, int PreviousCount);

/// <summary>One department's or 街镇's 评效 with its rank and the previous period's row to compare with.</summary>
public sealed record RankedEvaluation(int Rank, PeriodEvaluationRow Current, PeriodEvaluationRow? Previous);

/// <summary>Reports and closures on one day of the period, for its trend line.</summary>
public sealed record DayCount(DateOnly Day, int Reports, int Closed, double? OnTimeRate);

/// <summary>
/// 评效 of a period over the reports that came in during it (a cohort: a case reported on the
/// 31st and closed on the 2nd counts for the month it was reported in), against the period
/// before. Departments and 街镇 are ranked by on-time rate, then by fewer loop hours (P90), then
/// by more cases; rows with nothing closed rank last.
/// </summary>
public sealed record PeriodEvaluation(
    BriefingPeriod Period,
    BriefingPeriod PreviousPeriod,
    PeriodEvaluationRow Overall,
    PeriodEvaluationRow PreviousOverall,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<CountRow> ByCategory,
    IReadOnlyList<RankedEvaluation> ByDepartment,
    IReadOnlyList<RankedEvaluation> BySubDistrict,
    IReadOnlyList<DayCount> Days)
{
    public const string OverallKey = "all";

    /// <summary>
    /// <paramref name="current"/> and <paramref name="previous"/> are the reports of each period;
    /// <paramref name="mergedInto"/> answers the department of the case a merged report joined
    /// (it may have been reported before the period). Names are keys here: screens name them.
    /// </summary>
    public static PeriodEvaluation Of(
        BriefingPeriod period,
        IReadOnlyList<TicketState> current,
        IReadOnlyList<TicketState> previous,
        Func<string, string?> mergedInto)
    {
        var now = Tally(current, mergedInto);
        var byDay = current.ToLookup(t => BriefingPeriod.DayOf(t.ReportedAt));
        var before = Tally(previous, mergedInto);
        return new PeriodEvaluation(
            period,
            period.Previous(),
            now.Overall.ToPeriodRow(OverallKey, OverallKey),
            before.Overall.ToPeriodRow(OverallKey, OverallKey),
            Counts(current, previous, t => t.Channel.ToString()),
            Counts(current, previous, t => t.CategoryCode),
            Rank(now.ByDepartment, before.ByDepartment),
            Rank(now.BySubDistrict, before.BySubDistrict),
            Enumerable.Range(0, period.Days).Select(i => period.FirstDay.AddDays(i)).Select(day =>
            {
                var reported = byDay[day];
                var closed = reported.Where(t => t.Status != TicketStatus.Merged && t.ClosedAt is not null).ToList();
                return new DayCount(day, reported.Count(), closed.Count,
                    closed.Count > 0 ? closed.Count(t => t.OverdueSteps == 0) / (double)closed.Count : null);
            }).ToList());
    }

    /// <summary>The department a report counts against: a merged one against the case it joined.</summary>
    public static string? DepartmentOf(TicketState ticket, Func<string, string?> mergedInto) =>
        ticket.Status == TicketStatus.Merged ? ticket.MergedIntoId is { } id ? mergedInto(id) : null : ticket.Department;

    private static Tallies Tally(IReadOnlyList<TicketState> tickets, Func<string, string?> mergedInto)
    {
        var tallies = new Tallies();
        foreach (var ticket in tickets)
        {
            tallies.Overall.Add(ticket);
            Get(tallies.BySubDistrict, ticket.SubDistrictCode).Add(ticket);
            if (DepartmentOf(ticket, mergedInto) is { } department)
            {
                Get(tallies.ByDepartment, department).Add(ticket);
            }
        }

        return tallies;
    }

    private static EvaluationTally Get(Dictionary<string, EvaluationTally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new EvaluationTally();
            tallies[key] = tally;
        }

        return tally;
    }

    private static List<CountRow> Counts(IReadOnlyList<TicketState> current, IReadOnlyList<TicketState> previous, Func<TicketState, string> key)
    {
        var now = current.CountBy(key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var before = previous.CountBy(key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return now.Keys.Union(before.Keys, StringComparer.Ordinal)
            .Select(k => new CountRow(k, now.GetValueOrDefault(k), before.GetValueOrDefault(k)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static List<RankedEvaluation> Rank(Dictionary<string, EvaluationTally> current, Dictionary<string, EvaluationTally> previous)
    {
        var ordered = current
            .Select(kv => kv.Value.ToPeriodRow(kv.Key, kv.Key))
            .OrderBy(r => r.Row.OnTimeRate is null)
            .ThenByDescending(r => r.Row.OnTimeRate)
            .ThenBy(r => r.Row.P90LoopHours ?? double.MaxValue)
            .ThenByDescending(r => r.Row.Cases)
            .ThenBy(r => r.Row.Key, StringComparer.Ordinal)
            .ToList();
        return ordered.Select((row, i) => new RankedEvaluation(i + 1, row, previous.GetValueOrDefault(row.Row.Key)?.ToPeriodRow(row.Row.Key, row.Row.Key))).ToList();
    }

    private sealed class Tallies
    {
        public EvaluationTally Overall { get; } = new();

        public Dictionary<string, EvaluationTally> ByDepartment { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, EvaluationTally> BySubDistrict { get; } = new(StringComparer.Ordinal);
    }
}
