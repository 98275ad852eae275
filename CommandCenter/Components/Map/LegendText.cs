using CommandCenter.Localization;

namespace CommandCenter.Components.Map;

/// <summary>The map legend's own words; the names of what it keys are the vocabulary's.</summary>
public static class LegendText
{
    public static string TicketStatus => T("工单状态", "Ticket status");
    public static string Channel => T("工单渠道", "Channel");
    public static string Unhealthy => T("离线/滞后/低电", "Offline/stale/low battery");
    public static string AlarmSeverity => T("告警级别", "Alarm severity");
    public static string Video => T("视频", "Video");
    public static string AiCamera => T("高空抛物AI摄像机", "Falling-object AI camera");
    public static string CameraCluster => T("摄像机聚合", "Camera cluster");
    public static string DronePatrols => T("无人机轮巡", "Drone patrols");
    public static string Flying => T("飞行中（朝航向）", "Flying (points along heading)");
    public static string Track => T("航迹", "Track");
    public static string PatrolRoute => T("巡航航线", "Patrol route");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
