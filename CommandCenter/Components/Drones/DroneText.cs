using CommandCenter.Localization;
using Twin.Domain.Drones;

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
}
