using CommandCenter.Localization;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace CommandCenter.Components.Drones;

/// <summary>The words the wall and the console use for drones and missions.</summary>
public static class DroneText
{
    public static string Status(DroneStatus status, Lang lang) => status switch
    {
        DroneStatus.Docked => lang.Pick("停机坪待命", "Docked"),
        DroneStatus.Airborne => lang.Pick("飞行中", "Airborne"),
        _ => lang.Pick("信号丢失", "Link lost"),
    };

    public static string Mission(MissionState? mission, Lang lang) => mission is null
        ? lang.Pick("无任务", "No mission")
        : $"{Kind(mission.Kind, lang)} · {MissionStatusName(mission.Status, lang)}";

    /// <summary>
    /// Why the mission stands where it does (a return for battery, a patrol done). The simulator
    /// writes it as "中文 · English"; a note in one language only is shown as written.
    /// </summary>
    public static string? Note(MissionState? mission, Lang lang) =>
        mission?.Note is not { Length: > 0 } note ? null
        : note.Split(" · ") is [var zh, var en] ? lang.Pick(zh, en)
        : note;

    /// <summary>
    /// A ticket's timeline line about its drone turning back ("无人机返航 · drone · mission · 中文 · English",
    /// written by the engine) in the page's language; any other line as written.
    /// </summary>
    public static string TimelineNote(string note, Lang lang) =>
        note.Split(" · ") is [TwinEngine.TurnBackNote, var drone, var mission, var zh, var en]
            ? $"{lang.Pick(TwinEngine.TurnBackNote, "Drone turned back")} · {drone} · {mission} · {lang.Pick(zh, en)}"
            : note;

    public static string Kind(MissionKind kind, Lang lang) => kind switch
    {
        MissionKind.Patrol => lang.Pick("巡航", "Patrol"),
        MissionKind.TicketFlight => lang.Pick("飞往工单", "To ticket"),
        _ => lang.Pick("飞往告警", "To alarm"),
    };

    public static string MissionStatusName(MissionStatus status, Lang lang) => status switch
    {
        MissionStatus.Planned => lang.Pick("待起飞", "planned"),
        MissionStatus.Flying => lang.Pick("飞行中", "flying"),
        MissionStatus.OnStation => lang.Pick("抵近观察", "on station"),
        MissionStatus.Returning => lang.Pick("返航", "returning"),
        MissionStatus.Landed => lang.Pick("已降落", "landed"),
        _ => lang.Pick("已中止", "aborted"),
    };

    public static string PatrolsAndImages => T("无人机轮巡 · 图像回传", "Drone patrols · images");
    public static string LiveView => T("无人机实时画面", "Drone live view");
    public static string Battery => T("电量", "Battery");
    public static string Link => T("链路", "Link");
    public static string Alarm => T("告警", "Alarm");
    public static string SendToAlarm => T("派往告警", "Send to alarm");
    public static string CaptureToTicket => T("抓拍并附到工单", "Capture to ticket");
    public static string ReadOnly => T("只读 · 当前角色不能派遣无人机或抓拍", "Read-only · this role cannot send drones or capture");
    public static string CommandHallOnly => T("只读 · 无人机由指挥中心派遣和抓拍", "Read-only · drones are sent and capture for the command hall");
    public static string Refused => T("操作被拒绝", "The action was refused");
    public static string Images => T("无人机图像回传", "Drone images");
    public static string Altitude => T("高度", "Altitude");

    public static string CameraImages => T("告警抓拍图像", "Alarm snapshots");

    public static string CameraSnapshot(string cameraId) => T($"AI摄像头{cameraId}告警抓拍", $"AI camera {cameraId}, alarm snapshot");

    public static string OffStation => T("偏离现场：拍摄点距案发点过远，画面可能不含现场", "Off station: taken too far from the case to be sure it shows it");

    /// <summary>Where a capture was taken from and how far that was from the ticket's place.</summary>
    public static string TakenFrom(GeoPoint at, double distanceMetres) => T(
        FormattableString.Invariant($"拍摄位置 {at.Lon:F5}, {at.Lat:F5} · 距案发点 {distanceMetres:F0} 米"),
        FormattableString.Invariant($"Taken at {at.Lon:F5}, {at.Lat:F5} · {distanceMetres:F0} m from the case"));

    public static string SelectTicketFirst => T("先在队列中选中一个工单，才能抓拍附图", "Select a ticket in the queue to capture onto it");

    /// <summary>The drone left the fleet (removed or renamed) between the panel's render and the click.</summary>
    public static string UnknownDrone(string droneId) => T($"无人机 {droneId} 已不在机队中，无法抓拍", $"Drone {droneId} is no longer in the fleet, so it cannot capture");

    public static string NoOfficer => T("未识别值班员，不能抓拍", "No officer is signed in, so nothing can be captured");
    public static string TicketClosedForEvidence(string ticketId) =>
        T($"工单 {ticketId} 已结案，图像只能附到未结案的工单", $"Ticket {ticketId} is closed; images can only be attached to an open ticket");

    public static string LiveViewOf(string droneId) => T($"{droneId} 实时画面", $"{droneId} live view");
    public static string SendToTicket(string? ticketId) => T($"派往选中工单 {ticketId}", $"Send to ticket {ticketId}");
    public static string MissionAccepted(string droneId, string? missionId, string targetId) =>
        T($"{droneId} 已受领任务 {missionId}，飞往 {targetId}", $"{droneId} took mission {missionId} to {targetId}");
    public static string Captured(string? evidenceId, string ticketId) =>
        T($"已抓拍 {evidenceId} 并附到工单 {ticketId}", $"Captured {evidenceId} and attached it to {ticketId}");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
