using CommandCenter.Localization;
using Twin.Domain.Alarms;

namespace CommandCenter.Components.Console;

/// <summary>The alarm desk's words for filing an alarm as a case, assigning it and its escalation on duty (zh first, en complete).</summary>
public static class AlarmCaseText
{
    private static Lang Lang => Language.Current;

    public static string FileCase => Lang.Pick("立案", "File case");

    public static string Snapshot => Lang.Pick("抓拍图像", "Snapshot");

    public static string SnapshotOf(string cameraId) => Lang.Pick($"摄像头{cameraId}抓拍", $"Snapshot from camera {cameraId}");

    public static string Assign => Lang.Pick("指派", "Assign");

    public static string AssignConfirm => Lang.Pick("确定指派", "Assign");

    public static string AssignTo => Lang.Pick("指派给", "Assign to");

    public static string ToMe => Lang.Pick("我本人", "Me");

    public static string Case(string caseId) => Lang.Pick($"案件 {caseId}", $"Case {caseId}");

    public static string AssignedTo(string assignee) => Lang.Pick($"已指派：{assignee}", $"Assigned: {assignee}");

    public static string DutyLevel(int level) =>
        Lang.Pick($"超时未确认，已升级至{AlarmDutyLevels.NameZh(level)}", $"Unacknowledged too long: raised to the {AlarmDutyLevels.NameEn(level)}");

    public static string Refused => Lang.Pick("未能办理该告警", "The alarm action was refused");
}
