using CommandCenter.Localization;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>The words of the wall's 苏河秀带 and 应急 scenes, in the wall's language.</summary>
public static class SceneText
{
    // 苏河秀带.
    public static string CreekLevels => T("苏河水位", "Creek levels");
    public static string AlongTheStretch => T("沿线自西向东", "Along the stretch, west to east");
    public static string HighestLevel => T("最高水位", "Highest level");
    public static string AboveWarning => T("超警戒", "Above warning");
    public static string Stations => T("站点", "Stations");
    public static string StationsWestToEast(int n) => T($"{n} 个水位站 · 自西向东排列", $"{n} gauges, west to east");
    public static string WaterQuality => T("水质", "Water quality");
    public static string DissolvedOxygenAndAmmonia => T("溶解氧 · 氨氮", "Dissolved oxygen · ammonia");
    public static string MeanDissolvedOxygen => T("溶解氧均值", "Mean DO");
    public static string MeanAmmonia => T("氨氮均值", "Mean NH₃-N");
    public static string OutOfRange => T("异常", "Out of range");
    public static string QualityChange(int n) => T($"{n} 个水质站", $"{n} water-quality stations");
    public static string CreekDrones => T("苏河无人机", "Drones on the creek");
    public static string CreekDronesSubtitle => T("秀带范围内", "Within the corridor");
    public static string Airborne => T("在飞", "Airborne");
    public static string OverCreek => T("秀带内", "Over the creek");
    public static string Battery(double percent) => T($"电量 {percent:0}%", $"battery {percent:0}%");
    public static string DronesChange(int total) => T($"机队 {total} 架", $"Fleet of {total}");
    public static string CorridorTickets => T("秀带工单", "Corridor tickets");
    public static string CorridorTicketsSubtitle => T("河道两侧", "Both banks");
    public static string Today => T("今日", "Today");
    public static string Open => T("在办", "Open");
    public static string Overdue => T("超时", "Overdue");
    public static string CorridorAlarms => T("秀带告警", "Corridor alarms");
    public static string Active => T("活动", "Active");
    public static string Unacknowledged => T("未确认", "Unacknowledged");
    public static string NoneHere => T("暂无", "None");

    // 应急.
    public static string Plan => T("应急预案", "Plan");
    public static string Level => T("响应级别", "Level");
    public static string StepsDone => T("任务完成", "Steps done");
    public static string Since(string incident, string at) => T($"{incident} · 自 {at} 起", $"{incident} · since {at}");
    public static string RainAndWater => T("雨情水情", "Rain and water");
    public static string RainSubtitle => T("雨量站 · 苏河水位", "Rain gauges · creek");
    public static string PeakRain => T("最大雨强", "Peak rain");
    public static string Peak24h => T("24小时最大", "Max 24 h");
    public static string Rain(double? now, double day) => T($"{now ?? 0:0.0} mm/h · 24h {day:0} mm", $"{now ?? 0:0.0} mm/h · 24 h {day:0} mm");
    public static string RainChange(int gauges) => T($"{gauges} 个雨量站", $"{gauges} rain gauges");
    public static string Waterlogging => T("积水点", "Waterlogging");
    public static string WaterloggingSubtitle => T("道路积水工单 · 易积水点 · 下立交", "Reports · known points · underpasses");
    public static string Reports => T("积水工单", "Reports");
    public static string KnownPoints => T("易积水点", "Known points");
    public static string Underpasses => T("下立交", "Underpasses");
    public static string SuppliesAndTeams => T("物资与队伍", "Supplies and teams");
    public static string SuppliesSubtitle => T("库存 · 抢险队伍 · 值班", "Stock · rescue teams · on duty");
    public static string Members(int n) => T($"{n} 人", $"{n} people");
    public static string TeamsChange(int teams, int people) => T($"抢险队伍 {teams} 支 · {people} 人", $"{teams} rescue teams · {people} people");
    public static string EmergencyTickets => T("应急工单", "Emergency tickets");
    public static string EmergencyTicketsSubtitle => T("启动以来", "Since the start");
    public static string SinceStart => T("启动以来", "Since start");

    // 今日要事.
    public static string KeyAlarms => T("重大告警", "Critical alarms");
    public static string KeyAlarmsSubtitle => T("在办的特别严重告警 · 时间为发生时刻", "Active critical alarms · time raised");
    public static string KeyOverdue => T("督办后仍超时", "Overdue after 督办");
    public static string KeyOverdueSubtitle => T("已督办未按时办结 · 时间为应办结时刻", "Supervised, still late · time due");
    public static string KeyIncidents => T("今日紧急事件", "Today's urgent incidents");
    public static string KeyIncidentsSubtitle => T("紧急工单 · 时间为上报时刻", "Urgent reports · time reported");
    public static string FirstOf(int shown, int total) => T($"列出前 {shown} 件，共 {total} 件", $"First {shown} of {total}");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
