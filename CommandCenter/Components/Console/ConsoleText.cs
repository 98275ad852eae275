using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Console;

/// <summary>What the duty officer reads: the vocabulary's names in the desk's language, the actions' names, and Shanghai times.</summary>
public static class ConsoleText
{
    public static string Status(TicketStatus status, Lang lang = Lang.Zh) => Names.Of(status).Text(lang);

    public static string Channel(TicketChannel channel, Lang lang = Lang.Zh) => Names.Of(channel).Text(lang);

    public static string Priority(TicketPriority priority, Lang lang = Lang.Zh) => Names.Of(priority).Text(lang);

    public static string Range(QueueRange range, Lang lang = Lang.Zh) => range switch
    {
        QueueRange.Today => lang.Pick("今天", "Today"),
        QueueRange.Day => lang.Pick("24 小时", "24 h"),
        QueueRange.Week => lang.Pick("7 天", "7 days"),
        _ => lang.Pick("全部时间", "Any time"),
    };

    public static string Action(DispatchAction action, Lang lang = Lang.Zh) => action switch
    {
        DispatchAction.File => lang.Pick("立案", "File"),
        DispatchAction.Dispatch => lang.Pick("派遣", "Dispatch"),
        DispatchAction.Accept => lang.Pick("接单", "Accept"),
        DispatchAction.AddCoordinatingDepartment => lang.Pick("增加协同部门", "Add coordinating dept."),
        DispatchAction.Refuse => lang.Pick("退单", "Refuse"),
        DispatchAction.SubmitForReview => lang.Pick("提交审核", "Submit for review"),
        DispatchAction.Approve => lang.Pick("审核通过", "Approve"),
        DispatchAction.Reject => lang.Pick("审核驳回", "Reject"),
        DispatchAction.Close => lang.Pick("直接结案", "Close"),
        DispatchAction.Evaluate => lang.Pick("评价", "Evaluate"),
        DispatchAction.Reopen => lang.Pick("重新处置", "Reopen"),
        DispatchAction.Supervise => lang.Pick("督办", "Supervise"),
        DispatchAction.Merge => lang.Pick("并案", "Merge"),
        DispatchAction.Split => lang.Pick("拆案", "Split"),
        _ => action.ToString(),
    };

    public static string Severity(AlarmSeverity severity, Lang lang = Lang.Zh) => Names.Of(severity).Text(lang);

    public static string Source(AlarmSource source, Lang lang = Lang.Zh) => Names.Of(source).Text(lang);

    /// <summary>How long ago, short: 45秒, 12分钟, 3.5小时.</summary>
    public static string Age(TimeSpan age, Lang lang = Lang.Zh)
    {
        var a = age < TimeSpan.Zero ? TimeSpan.Zero : age;
        return a.TotalMinutes < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{a.TotalSeconds:F0}{lang.Pick("秒", " s")}")
            : a.TotalHours < 2
                ? string.Create(CultureInfo.InvariantCulture, $"{a.TotalMinutes:F0}{lang.Pick("分钟", " min")}")
                : string.Create(CultureInfo.InvariantCulture, $"{a.TotalHours:F1}{lang.Pick("小时", " h")}");
    }

    /// <summary>A UTC instant as the officer's wall clock shows it (Asia/Shanghai).</summary>
    public static string Time(DateTimeOffset utc) =>
        ShanghaiClock.ToLocal(utc).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) =>
        rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";

    public static string Hours(double? hours) =>
        hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) + " h" : "—";
}
