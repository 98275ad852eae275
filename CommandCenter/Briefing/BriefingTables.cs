using CommandCenter.Localization;
using Twin.Domain.Briefing;
using static CommandCenter.Briefing.BriefingText;

namespace CommandCenter.Briefing;

/// <summary>The briefing's figures as tables in one language, the same for the page, the PDF and the XLSX.</summary>
public static class BriefingTables
{
    /// <summary>Rows a long list keeps in a table; the figure above it still counts them all.</summary>
    public const int ListRows = 15;

    public static IReadOnlyList<BriefingTable> All(BriefingFigures figures, BriefingNames names, Lang lang) =>
    [
        Vitals(figures.Vitals, lang),
        Overall(figures.Evaluation, lang),
        Counts("channels", lang.Pick("按渠道", "By channel"), lang.Pick("渠道", "Channel"), figures.Evaluation.ByChannel, TicketFacet.Channel, k => BriefingNames.Channel(lang, k), lang),
        Counts("categories", lang.Pick("按类别（前15）", "By category (top 15)"), lang.Pick("类别", "Category"), figures.Evaluation.ByCategory.Take(ListRows).ToList(), TicketFacet.Category, k => names.Category(lang, k), lang),
        Ranked("departments", lang.Pick("部门排名", "Departments ranked"), lang.Pick("部门", "Department"), figures.Evaluation.ByDepartment, TicketFacet.Department, k => names.Department(lang, k), lang),
        Ranked("subdistricts", lang.Pick("街镇排名", "Sub-districts ranked"), lang.Pick("街镇", "Sub-district"), figures.Evaluation.BySubDistrict, TicketFacet.SubDistrict, k => names.SubDistrict(lang, k), lang),
        .. Decisions(figures.Decisions, names, lang),
    ];

    public static BriefingTable Vitals(DayVitals vitals, Lang lang) => new(
        "vitals",
        BriefingText.Vitals(lang) + " · " + Day(vitals.Day) + (vitals.Until < BriefingPeriod.StartOf(vitals.Day.AddDays(1)) ? lang.Pick(" 截至 ", " until ") + Time(vitals.Until)[11..] : string.Empty),
        [lang.Pick("视图", "View"), lang.Pick("指标", "Figure"), lang.Pick("当日", "Day"), lang.Pick("较昨日", "vs yesterday"), lang.Pick("较上周同日", "vs same day last week"), lang.Pick("较7日均值", "vs 7-day mean")],
        vitals.Values.Select(v =>
        {
            var (name, view) = Figure(lang, v.Figure);
            var decimals = v.Figure == VitalFigure.DispatchMinutes ? 1 : 0;
            return new BriefingRow(
                [view, name, Number(v.Value, decimals), Delta(v.Value, v.Yesterday, decimals), Delta(v.Value, v.SameWeekdayLastWeek, decimals), Delta(v.Value, v.SevenDayAverage, 1)],
                v.Figure switch
                {
                    VitalFigure.TicketsIn => new TicketTrace(TicketFacet.All, string.Empty),
                    VitalFigure.Hotline => new TicketTrace(TicketFacet.Channel, "Hotline12345"),
                    VitalFigure.CitizenApp => new TicketTrace(TicketFacet.Channel, "CitizenApp"),
                    _ => null,
                });
        }).ToList());

    public static BriefingTable Overall(PeriodEvaluation evaluation, Lang lang)
    {
        var now = evaluation.Overall;
        var before = evaluation.PreviousOverall;
        BriefingRow Row(string name, string current, string previous, string change, TicketTrace? trace = null) => new([name, current, previous, change], trace);
        return new BriefingTable(
            "overall",
            BriefingText.Evaluation(lang) + " · " + Period(lang, evaluation.Period) + lang.Pick(" 对比 ", " against ") + Period(lang, evaluation.PreviousPeriod),
            [lang.Pick("指标", "Figure"), lang.Pick("本期", "This period"), lang.Pick("上期", "Previous"), lang.Pick("变化", "Change")],
            [
                Row(lang.Pick("受理（含并案）", "Reports (with merged)"), Number(now.Row.Reports), Number(before.Row.Reports), RelativeDelta(now.Row.Reports, before.Row.Reports), new TicketTrace(TicketFacet.All, string.Empty)),
                Row(lang.Pick("立案", "Cases"), Number(now.Row.Cases), Number(before.Row.Cases), RelativeDelta(now.Row.Cases, before.Row.Cases)),
                Row(lang.Pick("结案", "Closed"), Number(now.Row.Closed), Number(before.Row.Closed), RelativeDelta(now.Row.Closed, before.Row.Closed)),
                Row(lang.Pick("按时率", "On time"), Percent(now.Row.OnTimeRate), Percent(before.Row.OnTimeRate), PointsDelta(lang, now.Row.OnTimeRate, before.Row.OnTimeRate)),
                Row(lang.Pick("平均派遣时长（分钟）", "Mean dispatch (min)"), Number(now.MeanDispatchMinutes, 1), Number(before.MeanDispatchMinutes, 1), Delta(now.MeanDispatchMinutes, before.MeanDispatchMinutes, 1)),
                Row(lang.Pick("闭环时长 P50", "Loop time P50"), Hours(now.P50LoopHours), Hours(before.P50LoopHours), Delta(now.P50LoopHours, before.P50LoopHours, 1)),
                Row(lang.Pick("闭环时长 P90", "Loop time P90"), Hours(now.Row.P90LoopHours), Hours(before.Row.P90LoopHours), Delta(now.Row.P90LoopHours, before.Row.P90LoopHours, 1)),
                Row(lang.Pick("重新处置率", "Reopened"), Percent(now.Row.ReopenRate), Percent(before.Row.ReopenRate), PointsDelta(lang, now.Row.ReopenRate, before.Row.ReopenRate)),
                Row(lang.Pick("满意率", "Satisfied"), Percent(now.SatisfactionRate), Percent(before.SatisfactionRate), PointsDelta(lang, now.SatisfactionRate, before.SatisfactionRate)),
            ]);
    }

    private static BriefingTable Counts(string key, string title, string header, IReadOnlyList<CountRow> rows, TicketFacet facet, Func<string, string> name, Lang lang) => new(
        key,
        title,
        [header, lang.Pick("本期", "This period"), lang.Pick("上期", "Previous"), lang.Pick("变化", "Change")],
        rows.Select(r => new BriefingRow([name(r.Key), Number(r.Count), Number(r.PreviousCount), RelativeDelta(r.Count, r.PreviousCount)], new TicketTrace(facet, r.Key))).ToList());

    private static BriefingTable Ranked(string key, string title, string header, IReadOnlyList<RankedEvaluation> rows, TicketFacet facet, Func<string, string> name, Lang lang) => new(
        key,
        title,
        [lang.Pick("名次", "Rank"), header, lang.Pick("立案", "Cases"), lang.Pick("结案", "Closed"), lang.Pick("按时率", "On time"), lang.Pick("较上期", "Change"),
            lang.Pick("派遣（分钟）", "Dispatch (min)"), "P50", "P90", lang.Pick("重新处置率", "Reopened"), lang.Pick("满意率", "Satisfied")],
        rows.Select(r => new BriefingRow(
            [r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), name(r.Current.Row.Key), Number(r.Current.Row.Cases), Number(r.Current.Row.Closed),
                Percent(r.Current.Row.OnTimeRate), PointsDelta(lang, r.Current.Row.OnTimeRate, r.Previous?.Row.OnTimeRate),
                Number(r.Current.MeanDispatchMinutes, 1), Hours(r.Current.P50LoopHours), Hours(r.Current.Row.P90LoopHours),
                Percent(r.Current.Row.ReopenRate), Percent(r.Current.SatisfactionRate)],
            new TicketTrace(facet, r.Current.Row.Key))).ToList());

    private static IEnumerable<BriefingTable> Decisions(DecisionItems decisions, BriefingNames names, Lang lang)
    {
        var overdue = decisions.OverdueAfterSupervision;
        yield return new BriefingTable(
            "overdue",
            lang.Pick($"督办后仍超期（{overdue.Count}件）", $"Overdue after supervision ({overdue.Count})"),
            [lang.Pick("工单", "Ticket"), lang.Pick("类别", "Category"), lang.Pick("街镇", "Sub-district"), lang.Pick("部门", "Department"), lang.Pick("督办级别", "Level"), lang.Pick("应完成", "Due")],
            overdue.Take(ListRows).Select(t => new BriefingRow(
                [t.Id, names.Category(lang, t.CategoryCode), names.SubDistrict(lang, t.SubDistrictCode), t.Department is { } d ? names.Department(lang, d) : "—",
                    t.SupervisionLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), t.StepDueAt is { } due ? Time(due) : "—"],
                TicketTrace.Of([t.Id]))).ToList());

        var critical = decisions.LongCriticalAlarms;
        yield return new BriefingTable(
            "critical",
            lang.Pick($"严重告警超1小时未解除（{critical.Count}条）", $"Critical alarms open over an hour ({critical.Count})"),
            [lang.Pick("告警", "Alarm"), lang.Pick("内容", "What"), lang.Pick("街镇", "Sub-district"), lang.Pick("发生", "Raised"), lang.Pick("已持续", "Open for")],
            critical.Take(ListRows).Select(a => new BriefingRow(
                [a.Id, a.Title, names.SubDistrict(lang, a.SubDistrictCode), Time(a.RaisedAt), Hours((decisions.At - a.RaisedAt).TotalHours)])).ToList());

        var repeated = decisions.RepeatedComplaints;
        yield return new BriefingTable(
            "repeated",
            lang.Pick($"同一地点重复投诉（7日内100米内同类3次以上，{repeated.Count}处）", $"Repeated complaints at one place (3+ of a category within 100 m in 7 days: {repeated.Count})"),
            [lang.Pick("类别", "Category"), lang.Pick("街镇", "Sub-district"), lang.Pick("地点", "Place"), lang.Pick("次数", "Reports"), lang.Pick("最近", "Latest")],
            repeated.Take(ListRows).Select(r => new BriefingRow(
                [names.Category(lang, r.CategoryCode), names.SubDistrict(lang, r.SubDistrictCode), r.Address, Number(r.TicketIds.Count), Time(r.LatestAt)],
                TicketTrace.Of(r.TicketIds))).ToList());

        yield return new BriefingTable(
            "falling",
            lang.Pick("按时率下降的部门（近7日对比前7日）", "Departments whose on-time rate fell (last 7 days against the 7 before)"),
            [lang.Pick("部门", "Department"), lang.Pick("近7日", "Last 7 days"), lang.Pick("前7日", "7 days before"), lang.Pick("变化", "Change"), lang.Pick("结案数", "Closed")],
            decisions.FallingDepartments.Select(f => new BriefingRow(
                [names.Department(lang, f.Department), Percent(f.OnTimeRate), Percent(f.PreviousOnTimeRate), PointsDelta(lang, f.OnTimeRate, f.PreviousOnTimeRate), $"{f.Closed} / {f.PreviousClosed}"])).ToList());

        var corridor = decisions.Corridor;
        yield return new BriefingTable(
            "corridor",
            lang.Pick("苏河秀带今日", "Suzhou Creek corridor today"),
            [lang.Pick("指标", "Figure"), lang.Pick("数值", "Value")],
            [
                new BriefingRow([lang.Pick("今日受理", "Reported today"), Number(corridor.ReportedToday)]),
                new BriefingRow([lang.Pick("今日结案", "Closed today"), Number(corridor.ClosedToday)]),
                new BriefingRow([lang.Pick("在办", "Open"), Number(corridor.Open)], TicketTrace.Of(corridor.OpenTicketIds)),
                new BriefingRow([lang.Pick("其中超期", "Of which overdue"), Number(corridor.Overdue)]),
                new BriefingRow([lang.Pick("今日主要类别", "Today's main categories"),
                    corridor.TopCategories.Count == 0 ? "—" : string.Join(lang.Pick("、", ", "), corridor.TopCategories.Select(c => $"{names.Category(lang, c.Key)} {c.Count}"))]),
            ]);
    }
}
