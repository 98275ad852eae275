using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Briefing;

namespace CommandCenter.Briefing;

/// <summary>The briefing's words and number formats (zh-CN first, English complete), for the page and the exports alike.</summary>
public static class BriefingText
{
    public const string DistrictZh = "普陀区城市运行管理中心";
    public const string DistrictEn = "Putuo District City Operations Centre";

    public static string District(Lang lang) => lang.Pick(DistrictZh, DistrictEn);

    public static string CentreOnly(Lang lang) => lang.Pick(
        "领导简报为全区数据，仅限指挥中心的账号查看；本账号所属组织只能看到自己的部分（在值班台查看本组织的工单）。",
        "The briefing covers the whole district and is for the centre's accounts; this account's organisation sees only its own part (its cases are on the console).");

    public static string Title(Lang lang) => lang.Pick("领导简报 · 辅助决策", "Leadership briefing");

    public static string Vitals(Lang lang) => lang.Pick("今日城市体征", "City vital signs");

    public static string Evaluation(Lang lang) => lang.Pick("一网评效", "Evaluation (评效)");

    public static string Decisions(Lang lang) => lang.Pick("需要决策的事项", "Needs a decision");

    public static string Generated(Lang lang, DateTimeOffset at) =>
        lang.Pick("生成时间 ", "Generated ") + Time(at) + lang.Pick("（北京时间）", " (Asia/Shanghai)");

    public static string Time(DateTimeOffset utc) =>
        Twin.Domain.Time.ShanghaiClock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(Lang lang, BriefingPeriod period) => period.Kind switch
    {
        PeriodKind.Day => lang.Pick("日 ", "Day ") + Day(period.FirstDay),
        PeriodKind.Week => lang.Pick("周 ", "Week ") + Day(period.FirstDay) + " – " + Day(period.LastDay),
        PeriodKind.Month => lang.Pick($"{period.FirstDay.Year}年{period.FirstDay.Month}月", period.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)),
        _ => Day(period.FirstDay) + " – " + Day(period.LastDay),
    };

    public static string KindName(Lang lang, PeriodKind kind) => kind switch
    {
        PeriodKind.Day => lang.Pick("日", "Day"),
        PeriodKind.Week => lang.Pick("周", "Week"),
        PeriodKind.Month => lang.Pick("月", "Month"),
        _ => lang.Pick("自定义", "Custom"),
    };

    /// <summary>The figure's name and the wall view it belongs to.</summary>
    public static (string Name, string View) Figure(Lang lang, VitalFigure figure) => figure switch
    {
        VitalFigure.TicketsIn => (lang.Pick("新增工单", "Reports in"), lang.Pick("城市之脉", "Pulse")),
        VitalFigure.Closed => (lang.Pick("结案", "Closed"), lang.Pick("城市之脉", "Pulse")),
        VitalFigure.DispatchMinutes => (lang.Pick("平均派遣时长（分钟）", "Mean dispatch (min)"), lang.Pick("城市之脉", "Pulse")),
        VitalFigure.SensorAlarms => (lang.Pick("感知告警", "Sensor alarms"), lang.Pick("城市之感", "Perception")),
        VitalFigure.AlarmsRaised => (lang.Pick("告警", "Alarms raised"), lang.Pick("城市之警", "Alerts")),
        VitalFigure.CriticalAlarms => (lang.Pick("严重告警", "Critical alarms"), lang.Pick("城市之警", "Alerts")),
        VitalFigure.Hotline => (lang.Pick("12345热线", "12345 hotline"), lang.Pick("城市之声", "Voice")),
        VitalFigure.CitizenApp => (lang.Pick("随申拍", "Suishenpai app"), lang.Pick("城市之声", "Voice")),
        _ => (figure.ToString(), string.Empty),
    };

    public static string Number(double? value, int decimals = 0) =>
        value is { } v ? v.ToString(decimals == 0 ? "N0" : "N" + decimals, CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) + " h" : "—";

    /// <summary>A change with its sign: +12, −3.5; percentage points for rates.</summary>
    public static string Delta(double? now, double? before, int decimals = 0)
    {
        if (now is not { } n || before is not { } b)
        {
            return "—";
        }

        var d = n - b;
        var text = Math.Abs(d).ToString(decimals == 0 ? "N0" : "N" + decimals, CultureInfo.InvariantCulture);
        return Math.Abs(d) < Math.Pow(10, -decimals) / 2 ? "±0" : (d > 0 ? "+" : "−") + text;
    }

    public static string PointsDelta(Lang lang, double? now, double? before) =>
        now is { } n && before is { } b ? Delta(100 * n, 100 * b, 1) + lang.Pick("个百分点", " pts") : "—";

    /// <summary>A change against a reference as a share of it: +8.2%.</summary>
    public static string RelativeDelta(double? now, double? before) =>
        now is { } n && before is { } b && Math.Abs(b) > 1e-9 ? Delta(100 * (n - b) / b, 0, 1) + "%" : "—";
}
