using CommandCenter.Localization;
using CommandCenter.Notifications;

namespace CommandCenter.Components.Admin;

/// <summary>The dead-letter page's words (zh first, en complete).</summary>
public static class NotificationText
{
    private static string T(string zh, string en) => Language.Current.Pick(zh, en);

    public static string DeadLetters => T("通知失败列表", "Failed notifications");

    public static string Hint(int keepDays) => T($"所有重试均失败的 Webhook 通知（保存在数据库中，保留 {keepDays} 天）。重新发送时同样按退避重试，送达后移出列表。",
        $"Webhook notifications that failed every try (kept in the database for {keepDays} days). Sending again retries with the same backoff; once delivered it leaves the list.");

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

    public static string NoAnswer => T("已交给写入节点重发，尚无结果；稍后刷新查看。", "Handed to the writer node; no answer yet — reload to see.");

    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.CriticalAlarm => T("紧急告警", "Critical alarm"),
        NotificationKind.AlarmEscalated => T("告警升级", "Alarm escalated"),
        NotificationKind.OverdueSupervision => T("超时督办", "Overdue 督办"),
        NotificationKind.EmergencyMode => T("应急响应", "Emergency mode"),
        _ => kind.ToString(),
    };

    public static string Webhooks => T("通知 Webhook", "Notification webhooks");

    public static string WebhooksHint => T("各组织的群机器人：其职责范围内的告警与案件通知发往这里（指挥中心收到全部）。地址与加签密钥加密保存，保存后不再显示。",
        "Each organisation's group robots: notifications about alarms and cases in its scope go there (the centre's get everything). URLs and signing secrets are stored encrypted and never shown again.");

    public static string Name => T("名称", "Name");

    public static string Format => T("格式", "Format");

    public static string Kinds => T("通知类型", "Kinds");

    public static string AllKinds => T("全部类型", "All kinds");

    public static string Url => T("地址", "URL");

    public static string UrlKeep => T("地址（留空则不变）", "URL (blank keeps it)");

    public static string Secret => T("钉钉加签密钥（可选）", "DingTalk signing secret (optional)");

    public static string SecretKeep => T("加签密钥（留空则不变）", "Signing secret (blank keeps it)");

    public static string SecretSet => T("已设置加签", "Signed");

    public static string ClearSecret => T("移除加签", "Remove the secret");

    public static string Save => T("保存", "Save");

    public static string Add => T("添加", "Add");

    public static string Edit => T("修改", "Edit");

    public static string Cancel => T("取消", "Cancel");

    public static string Delete => T("删除", "Delete");

    public static string NoWebhooks => T("尚未配置组织 Webhook。", "No organisation webhooks yet.");

    public static string Saved(string name) => T($"已保存 Webhook {name}。", $"Webhook {name} saved.");

    public static string Deleted(string name) => T($"已删除 Webhook {name}。", $"Webhook {name} deleted.");

    public static string FormatName(WebhookFormat format) => format switch
    {
        WebhookFormat.WeCom => T("企业微信群机器人", "WeCom group robot"),
        WebhookFormat.DingTalk => T("钉钉群机器人", "DingTalk group robot"),
        _ => T("通用 JSON", "Generic JSON"),
    };
}
