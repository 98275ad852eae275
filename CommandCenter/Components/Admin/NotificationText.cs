using CommandCenter.Localization;
using CommandCenter.Notifications;

namespace CommandCenter.Components.Admin;

/// <summary>The dead-letter page's words (zh first, en complete).</summary>
public static class NotificationText
{
    private static string T(string zh, string en) => Language.Current.Pick(zh, en);

    public static string DeadLetters => T("通知失败列表", "Failed notifications");

    public static string Hint => T("所有重试均失败的 Webhook 通知（保存在内存中，重启后清空）。重新发送时同样按退避重试。",
        "Webhook notifications that failed every try (held in memory; a restart empties the list). Sending again retries with the same backoff.");

    public static string None => T("没有失败的通知。", "No failed notifications.");

    public static string Webhook => T("Webhook", "Webhook");

    public static string Organisation => T("单位", "Organisation");

    public static string Kind => T("类型", "Kind");

    public static string Title => T("内容", "Content");

    public static string FailedAt => T("失败时间", "Failed at");

    public static string Attempts => T("尝试次数", "Tries");

    public static string LastError => T("最后错误", "Last error");

    public static string Retry => T("重新发送", "Send again");

    public static string Delivered => T("已送达。", "Delivered.");

    public static string StillFailing => T("仍然失败，已留在列表中。", "Still failing; kept in the list.");

    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.CriticalAlarm => T("紧急告警", "Critical alarm"),
        NotificationKind.AlarmEscalated => T("告警升级", "Alarm escalated"),
        NotificationKind.OverdueSupervision => T("超时督办", "Overdue 督办"),
        NotificationKind.EmergencyMode => T("应急响应", "Emergency mode"),
        _ => kind.ToString(),
    };
}
