using CommandCenter.Localization;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Wall;

/// <summary>The wall's words (its header, the five vital-sign panels and their lists), in the wall's language.</summary>
public static class WallText
{
    public static string PageTitle => T("普陀区城市运行数字孪生", "Putuo City Operations Twin");
    public static string District => T("普陀区", "Putuo District");
    public static string SystemName => T("城市运行数字孪生 · 一网统管", "City Operations Digital Twin");
    public static string DateFormat => T("yyyy年M月d日 dddd", "yyyy-MM-dd ddd");
    public static string Simulated => T("模拟", "sim");
    public static string DailyMode => T("日常模式", "Daily");
    public static string EmergencyModeOf(OperatingMode mode) => T(
        $"应急模式 · {mode.Type?.NameZh()} {mode.Level?.NameZh()}",
        $"Emergency · {mode.Type?.NameEn()} {mode.Level?.NameEn()}");
    public static string Live => T("实时连接正常", "Live");
    public static string Reconnecting => T("重连中…", "Reconnecting…");
    public static string Disconnected => T("连接中断 · 自动重试", "Disconnected · retrying");
    public static string PanelsReconnecting => T("重连中 · 数据暂停更新", "Reconnecting · figures paused");
    public static string PanelsDisconnected => T("连接中断 · 自动重试中", "Disconnected · retrying");
    public static string Presenting => T("汇报演示中", "Presenting");
    public static string Connecting => T("连接中…", "Connecting…");
    public static string Stale => T("数据延迟", "Stale");
    public static string LeftPanels => T("左侧面板", "Left panels");
    public static string RightPanels => T("右侧面板", "Right panels");
    public static string Map => T("普陀区地图", "Map of Putuo");
    public static string Loading => T("正在载入城市体征…", "Loading the city's vital signs…");
    public static string NoActiveAlarms => T("暂无活动告警", "No active alarms");
    public static string TopCategories => T("诉求分类 TOP5", "Top 5 categories");
    public static string HotWords => T("热词", "Hot words (citizens' own, in Chinese)");

    // Units: Chinese counts things with a measure word that English leaves out.
    public static string Items => T("件", "");
    public static string Devices => T("台", "");
    public static string Entries => T("条", "");
    public static string Units => T("个", "");
    public static string Channels => T("路", "ch.");
    public static string Minutes => T("分钟", "min");
    public static string Hours => T("小时", "h");
    public static string TenThousandPeople => T("万人", "×10k");
    public static string HundredMillionRecords => T("亿条", "×100M");

    public static string LookTitle => T("城市之貌", "City look");
    public static string LookSubtitle => T("区情底数", "The district at a glance");
    public static string AreaLookSubtitle => T("街镇底数", "The town at a glance");
    public static string Area => T("辖区面积", "Area");
    public static string Residents => T("常住人口", "Residents");
    public static string SubDistrictsAndNeighbourhoods => T("街镇 / 居村", "Towns / communities");
    public static string SensorsOnline => T("感知设备在线", "Sensors online");
    public static string CamerasAndAi => T("视频接入 / AI", "Cameras / AI");
    public static string DataLakeRecords => T("数据湖记录", "Data lake records");

    public static string LookChange(double onlineRate, double corridorKm) => T(
        $"感知设备在线率 {onlineRate:0.0}% · 苏州河普陀段 {corridorKm:0.0} km",
        $"{onlineRate:0.0}% online · Suzhou Creek {corridorKm:0.0} km");

    /// <summary>A 街镇's line: the creek only where it runs through the area.</summary>
    public static string AreaLookChange(double onlineRate, double creekKm) => creekKm > 0
        ? T($"感知设备在线率 {onlineRate:0.0}% · 辖区内苏州河 {creekKm:0.0} km", $"{onlineRate:0.0}% online · Suzhou Creek here {creekKm:0.0} km")
        : T($"感知设备在线率 {onlineRate:0.0}%", $"{onlineRate:0.0}% online");

    public static string PulseTitle => T("城市之脉", "City pulse");
    public static string PulseSubtitle => T("工单流转", "Tickets flowing");
    public static string TicketsToday => T("今日工单", "Tickets today");
    public static string ClosedToday => T("今日结案", "Closed today");
    public static string OpenTickets => T("在办工单", "Open tickets");
    public static string MeanTimeToDispatch => T("平均派单用时", "Mean time to dispatch");
    public static string MeanLoopTime => T("平均闭环用时", "Mean loop time");
    public static string ClosedOnTime => T("按时办结率", "Closed on time");

    public static string PulseChange(int ticketsLastHour, int closedLastHour, int supervised) => T(
        $"近1小时 新增 {ticketsLastHour} 件 · 结案 {closedLastHour} 件 · 督办 {supervised} 件",
        $"Last hour: {ticketsLastHour} in · {closedLastHour} closed · {supervised} supervised");

    public static string PerceptionTitle => T("城市之感", "City perception");
    public static string PerceptionSubtitle => T("感知体征", "Sensor state");
    public static string CreekWaterLevelMax => T("苏州河最高水位", "Creek water level (max)");
    public static string AirQuality => T("空气质量 AQI", "Air quality (AQI)");
    public static string NoiseMean => T("环境噪声均值", "Noise (mean)");
    public static string ManholesAbnormal => T("井盖异常", "Manholes abnormal");
    public static string LiftsAbnormal => T("电梯异常", "Lifts abnormal");
    public static string SecondaryWaterAbnormal => T("二次供水异常", "Water tanks abnormal");

    public static string PerceptionChange(int over, int offline, int stale) => T(
        $"超阈值 {over} 处 · 离线 {offline} 台 · 数据迟滞 {stale} 台",
        $"{over} over threshold · {offline} offline · {stale} stale");

    public static string AlertsTitle => T("城市之警", "City alerts");
    public static string AlertsSubtitle => T("告警预警", "Alarms");
    public static string Critical => T("紧急告警", "Critical");
    public static string Major => T("重要告警", "Major");
    public static string Minor => T("一般告警", "Minor");
    public static string Unacknowledged => T("未确认", "Unacknowledged");
    public static string OldestUnacknowledged => T("最久未确认", "Oldest unacknowledged");

    public static string AlertsChange(int raisedLastHour, int sensorAlarmsToday, int aiAlarmsToday) => T(
        $"近1小时新增告警 {raisedLastHour} 条 · 今日感知 {sensorAlarmsToday} / AI {aiAlarmsToday}",
        $"Last hour: {raisedLastHour} new · today sensors {sensorAlarmsToday} / AI {aiAlarmsToday}");

    public static string VoiceTitle => T("城市之声", "City voice");
    public static string VoiceSubtitle => T("市民诉求", "Citizens' reports");
    public static string HotlineToday => T("今日12345热线", "12345 hotline today");
    public static string SameTimeYesterday => T("昨日同期", "Same time yesterday");
    public static string CitizenApp => T("随申拍", "Citizen app");
    public static string TopCategory => T("最多诉求", "Top category");
    public static string Hotspot => T("热点街镇", "Hotspot");
    public static string HotspotNeighbourhood => T("热点居委", "Hotspot community");
    public static string NoFiguresForYesterday => T("昨日同期暂无数据", "No figures for yesterday yet");

    public static string HotlineVersusYesterday(double ratio) => T(
        $"热线较昨日同期 {(ratio >= 0 ? "+" : "")}{ratio * 100:0}%",
        $"Hotline vs yesterday {(ratio >= 0 ? "+" : "")}{ratio * 100:0}%");

    public static string TargetName(bool alarm, string id) => alarm ? T($"告警 {id}", $"Alarm {id}") : T($"工单 {id}", $"Ticket {id}");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
