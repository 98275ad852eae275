using Twin.Domain.Tickets;

namespace Twin.Domain.Dispatch;

/// <summary>
/// Counts tickets into one 评效 row: the engine's live figures over the tickets it holds, and the
/// briefing's over any stored period, so that both rate a ticket the same way.
/// </summary>
public sealed class EvaluationTally
{
    private readonly List<double> _loopHours = [];
    private readonly List<double> _dispatchMinutes = [];
    private int _reports;
    private int _merged;
    private int _onTime;
    private int _everClosed;
    private int _reopened;
    private int _rated;
    private int _satisfied;

    public void Add(TicketState ticket)
    {
        _reports++;
        if (ticket.Status == TicketStatus.Merged)
        {
            _merged++;
            return;
        }

        if (ticket.DispatchedAt is { } dispatchedAt)
        {
            _dispatchMinutes.Add((dispatchedAt - ticket.ReportedAt).TotalMinutes);
        }

        if (ticket.ClosedAt is { } closedAt)
        {
            _loopHours.Add((closedAt - ticket.ReportedAt).TotalHours);
            _onTime += ticket.OverdueSteps == 0 ? 1 : 0;
        }

        if (ticket.ClosedAt is not null || ticket.ReopenedCount > 0)
        {
            _everClosed++;
            _reopened += ticket.ReopenedCount > 0 ? 1 : 0;
        }

        if (ticket.Satisfied is { } satisfied)
        {
            _rated++;
            _satisfied += satisfied ? 1 : 0;
        }
    }

    public EvaluationRow ToRow(string key, string name)
    {
        var closed = _loopHours.Count;
        _loopHours.Sort();
        return new EvaluationRow(
            key,
            name,
            _reports,
            _reports - _merged,
            closed,
            closed > 0 ? (double)_onTime / closed : null,
            closed > 0 ? _loopHours.Average() : null,
            NearestRank(_loopHours, 0.9),
            _everClosed > 0 ? (double)_reopened / _everClosed : null,
            _reports > 0 ? (double)_merged / _reports : null);
    }

    /// <summary>The row with what a period's 评效 adds: the median loop, the dispatch time and the citizens' satisfaction.</summary>
    public PeriodEvaluationRow ToPeriodRow(string key, string name)
    {
        var row = ToRow(key, name);
        return new PeriodEvaluationRow(
            row,
            NearestRank(_loopHours, 0.5),
            _dispatchMinutes.Count > 0 ? _dispatchMinutes.Average() : null,
            _rated,
            _rated > 0 ? (double)_satisfied / _rated : null);
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double share) =>
        sorted.Count > 0 ? sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)] : null;
}

/// <summary>
/// 评效 of one department, 街镇 or the district over a period.
/// </summary>
/// <param name="Row">the figures the console's table shows</param>
/// <param name="P50LoopHours">the median 闭环流转总时长 (nearest rank) over closed cases</param>
/// <param name="MeanDispatchMinutes">report to dispatch, over dispatched cases</param>
/// <param name="Rated">cases whose citizen gave a verdict at the 回访</param>
/// <param name="SatisfactionRate">satisfied verdicts over verdicts</param>
public sealed record PeriodEvaluationRow(
    EvaluationRow Row,
    double? P50LoopHours,
    double? MeanDispatchMinutes,
    int Rated,
    double? SatisfactionRate);
