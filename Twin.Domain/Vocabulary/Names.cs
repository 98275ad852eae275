using Twin.Domain.Alarms;
using Twin.Domain.Emergency;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Vocabulary;

/// <summary>
/// The one place where the domain's enums get their names. The console, the map's legend, the
/// map's popups (through the vocabulary document the server sends) and the engine's own messages
/// all read them here, so that a status is called the same on every screen.
/// </summary>
public static class Names
{
    /// <summary>
    /// The steps of the closed loop 发现 → 立案 → 派遣 → 处置 → 审核 → 结案 → 问效. Evaluated is 问效:
    /// the district names the loop's last stage 结案问效 (and its aim 一网评效); 评价 is the
    /// officer's act of recording the citizen's verdict, a dispatch action, not a status.
    /// </summary>
    public static Term Of(TicketStatus status) => status switch
    {
        TicketStatus.Discovered => new("发现", "Discovered"),
        TicketStatus.Filed => new("立案", "Filed"),
        TicketStatus.Dispatched => new("派遣", "Dispatched"),
        TicketStatus.Handling => new("处置", "Handling"),
        TicketStatus.Review => new("审核", "Review"),
        TicketStatus.Closed => new("结案", "Closed"),
        TicketStatus.Evaluated => new("问效", "Evaluated"),
        TicketStatus.Merged => new("并案", "Merged"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The 一口派单 channels as duty officers name them.</summary>
    public static Term Of(TicketChannel channel) => channel switch
    {
        TicketChannel.Hotline12345 => new("12345热线", "12345 hotline"),
        TicketChannel.GridPatrol => new("网格巡查", "Grid patrol"),
        TicketChannel.SmartCase => new("智能案件", "Smart case"),
        TicketChannel.AiVideo => new("AI视频", "AI video"),
        TicketChannel.VideoPatrol => new("视频轮巡", "Video patrol"),
        TicketChannel.CitizenApp => new("随申拍", "Suishenpai app"),
        TicketChannel.NonPolice110 => new("110非警务", "110 non-police"),
        TicketChannel.DeskCall => new("来电", "Phone call"),
        TicketChannel.DeskLetter => new("来信", "Letter"),
        TicketChannel.DeskVisit => new("来访", "Visit"),
        TicketChannel.DeskOther => new("其他", "Other"),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static Term Of(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => new("低", "Low"),
        TicketPriority.Normal => new("一般", "Normal"),
        TicketPriority.High => new("高", "High"),
        TicketPriority.Urgent => new("紧急", "Urgent"),
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public static Term Of(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Info => new("提示", "Info"),
        AlarmSeverity.Minor => new("一般", "Minor"),
        AlarmSeverity.Major => new("重要", "Major"),
        AlarmSeverity.Critical => new("紧急", "Critical"),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static Term Of(AlarmSource source) => source switch
    {
        AlarmSource.SensorThreshold => new("传感器", "Sensor"),
        AlarmSource.AiVideo => new("AI视频", "AI video"),
        AlarmSource.Cap => new("预警发布", "CAP warning"),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static Term Of(ValueState state) => state switch
    {
        ValueState.Normal => new("正常", "Normal"),
        ValueState.Warning => new("预警", "Warning"),
        ValueState.Alarm => new("告警", "Alarm"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static Term Of(SensorHealth health) => health switch
    {
        SensorHealth.Online => new("在线", "Online"),
        SensorHealth.LowBattery => new("电量低", "Low battery"),
        SensorHealth.Stale => new("数据滞后", "Stale"),
        SensorHealth.Offline => new("离线", "Offline"),
        _ => throw new ArgumentOutOfRangeException(nameof(health), health, null),
    };

    public static Term Of(SensorKind kind) => kind switch
    {
        SensorKind.CreekWaterLevel => new("河道水位", "Creek water level"),
        SensorKind.AirQuality => new("空气质量", "Air quality"),
        SensorKind.Noise => new("环境噪声", "Noise"),
        SensorKind.ManholeCover => new("智能井盖", "Manhole cover"),
        SensorKind.Lift => new("电梯梯控", "Lift"),
        SensorKind.SecondaryWater => new("二次供水", "Secondary water"),
        SensorKind.SiteDust => new("工地扬尘", "Site dust"),
        SensorKind.Smoke => new("烟感", "Smoke"),
        SensorKind.RainGauge => new("雨量", "Rainfall"),
        SensorKind.DissolvedOxygen => new("溶解氧", "Dissolved oxygen"),
        SensorKind.AmmoniaNitrogen => new("氨氮", "Ammonia nitrogen"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The plans' emergency types (预案类别).</summary>
    public static Term Of(EmergencyType type) => type switch
    {
        EmergencyType.FloodTyphoon => new("防汛防台", "Flood and typhoon"),
        EmergencyType.MajorFireAccident => new("重大火灾/事故", "Major fire or accident"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Shanghai's response levels, with the colour the wall shows them in.</summary>
    public static Term Of(ResponseLevel level) => level switch
    {
        ResponseLevel.IV => new("IV级（蓝色）", "Level IV (blue)"),
        ResponseLevel.III => new("III级（黄色）", "Level III (yellow)"),
        ResponseLevel.II => new("II级（橙色）", "Level II (orange)"),
        ResponseLevel.I => new("I级（红色）", "Level I (red)"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static Term Of(ModeChangeKind kind) => kind switch
    {
        ModeChangeKind.Started => new("启动应急响应", "Emergency response started"),
        ModeChangeKind.Raised => new("提升响应级别", "Response level raised"),
        ModeChangeKind.Lowered => new("降低响应级别", "Response level lowered"),
        ModeChangeKind.Ended => new("终止应急响应", "Emergency response ended"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Term Of(OfficerRole role) => role switch
    {
        OfficerRole.Officer => new("值班员", "Officer"),
        OfficerRole.Supervisor => new("督办员", "Supervisor"),
        OfficerRole.Leader => new("领导", "Leader"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
