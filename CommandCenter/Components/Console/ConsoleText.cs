using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Console;

/// <summary>What the duty officer reads: the vocabulary's names in the desk's language, the actions' names, the desk's own words, and Shanghai times.</summary>
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

    public static string Sort(QueueSort sort, Lang lang = Lang.Zh) => sort switch
    {
        QueueSort.Priority => lang.Pick("优先级 · 最新在前", "Priority · newest first"),
        QueueSort.Newest => lang.Pick("最新上报", "Newest"),
        _ => lang.Pick("优先级 · 临期在前", "Priority · due soonest"),
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
        DispatchAction.Reassign => lang.Pick("改派", "Reassign"),
        DispatchAction.RecordHandling => lang.Pick("处置反馈", "Record handling"),
        _ => action.ToString(),
    };

    /// <summary>A 督办 level by its name (the engine's Chinese name, <see cref="SupervisionLevels.Name"/>), in the page's language.</summary>
    public static string SupervisionLevel(int level) => T(SupervisionLevels.Name(level), level switch
    {
        1 => "Supervised",
        2 => "Posted for supervision",
        3 => "Supervised by district leaders",
        _ => "Not supervised",
    });

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

    // The desk's own words, in the page's language. The page: header, its figures, loading.
    public static string PageTitle => T("值班台 · 普陀区城市运行数字孪生", "Duty desk · Putuo City Operations Twin");
    public static string Brand => T("一口派单 · 值班台", "One-stop dispatch · Duty desk");
    public static string UnacknowledgedAlarms => T("未确认告警", "Unacknowledged alarms");
    public static string Overdue => T("超时", "Overdue");
    public static string Supervised => T("督办", "Supervised");
    public static string PossibleDuplicates => T("疑似重复", "Possible duplicates");
    public static string Shortcuts => T("快捷键", "Shortcuts");
    public static string LoadingTickets => T("正在载入工单…", "Loading tickets…");
    public static string NoOfficer => T("未识别值班员", "No officer at this desk");
    public static string ActionRefused => T("操作被拒绝", "The action was refused");
    public static string AcknowledgementRefused => T("确认被拒绝", "The acknowledgement was refused");

    // The queue: its search, filters, columns and flags.
    public static string QueueSearch => T("搜索编号、标题、地址（/）", "Search id, title, address (/)");
    public static string All => T("全部", "All");
    public static string OpenTickets => T("未结案", "Open");
    public static string ChannelLabel => T("渠道", "Channel");
    public static string Category => T("类别", "Category");
    public static string SubDistrict => T("街镇", "Sub-district");
    public static string StatusLabel => T("状态", "Status");
    public static string PriorityLabel => T("优先级", "Priority");
    public static string Reported => T("上报时间", "Reported");

    public static string SortLabel => T("排序", "Sort");
    public static string OverdueOnly => T("仅超时", "Overdue only");
    public static string Id => T("编号", "Id");
    public static string Flags => T("标记", "Flags");
    public static string DuplicateFlag => T("疑似重复", "Duplicate?");
    public static string SupervisedFlag => T("督办", "Supervised ");
    public static string MergedFlag => T("并入", "Merged ");
    public static string NoTicketMatches => T("没有符合条件的工单", "No ticket matches");

    // History search.
    public static string Search => T("搜索", "Search");

    // A ticket: its details, timeline, map and related tickets.
    public static string PickATicket => T("从左侧队列选择工单（J / K 上下移动，? 查看快捷键）", "Pick a ticket from the queue (J / K to move, ? for shortcuts)");
    public static string Address => T("地址", "Address");
    public static string Reporter => T("上报人", "Reporter");
    public static string StepDue => T("本步时限", "Step due");
    public static string Supervision => T("督办", "Supervision");
    public static string Connecting => T("连接中…", "Connecting…");
    public static string ActionInFlight => T("上一操作提交中，请稍候", "The last action is still being saved");

    public static string ResponsibleDepartment => T("责任部门", "Department");
    public static string Feedback => T("评价", "Feedback");
    public static string Satisfied => T("满意", "Satisfied");
    public static string NotSatisfied => T("不满意", "Not satisfied");
    public static string Description => T("描述", "Description");
    public static string Timeline => T("流转记录", "Timeline");
    public static string ThisTicket => T("本工单", "This ticket");
    public static string MergedReportsOnMap => T("并入报告", "Merged");
    public static string PossibleDuplicate => T("疑似重复", "Possible duplicate");
    public static string Case => T("主案", "Case");
    public static string MergedReport => T("并入报告", "Merged report");
    public static string NearbyCases => T("附近案件", "Cases nearby");

    public static string NearbySensors => T("附近感知设备", "Sensors nearby");

    // A reporter's contact, revealed with a stated reason.
    public static string ShowContact => T("查看联系方式", "Show contact");
    public static string ContactAsWritten => T("原文：", "As written: ");
    public static string RevealReason => T("查看原因（必填）", "Reason (required)");
    public static string Reveal => T("确认查看", "Reveal");
    public static string Hide => T("隐藏", "Hide");

    public static string MapFailed => T("地图无法加载", "The map could not load");
    public static string ReadOnlyRole => T("本角色只读：可查看，不可办理", "Read-only for this role: view, not act");

    // A ticket's actions.
    public static string ReasonNoteFeedback => T("原因 / 备注 / 评价意见", "Reason / note / feedback");
    public static string DepartmentToDispatchTo => T("部门（派遣留空按责任清单）", "Department (empty: by the duty list)");
    public static string MergeInto => T("并入工单编号", "Merge into ticket id");
    public static string RaiseSupervisionTo => T("督办升级至", "Raise supervision to");
    public static string NotSatisfiedReopen => T("不满意（重新处置）", "Not satisfied (reopen)");
    public static string ChooseCoordinatingDepartment => T("请选择协同部门", "Choose the coordinating department");
    public static string ChooseDepartmentAndReason => T("请选择改派部门并填写原因", "Choose the department and give a reason");
    public static string EnterCaseToMergeInto => T("请填写并入的工单编号", "Enter the id of the case to merge into");
    public static string EnterSupervisionReason => T("请填写督办原因（已是最高级别时不能再督办）", "Enter the reason (not possible at the highest level)");
    public static string EnterReason => T("请填写原因", "Enter a reason");

    // Alarms.
    public static string NoActiveAlarms => T("暂无活动告警", "No active alarms");
    public static string Acknowledged => T("已确认", "Ack'd");
    public static string AcknowledgementNote => T("确认备注（必填）", "Note (required)");
    public static string AcknowledgeAlarm => T("确认告警", "Acknowledge");
    public static string Acknowledge => T("确认", "Acknowledge");
    public static string Cancel => T("取消", "Cancel");

    // 一网评效.
    public static string EvaluationByDepartment => T("一网评效 · 按部门", "Evaluation by department");
    public static string EvaluationBySubDistrict => T("一网评效 · 按街镇", "Evaluation by sub-district");
    public static string Department => T("部门", "Department");
    public static string Reports => T("报告", "Reports");
    public static string Cases => T("案件", "Cases");
    public static string Closed => T("结案", "Closed");
    public static string OnTimeRate => T("按时率", "On time");
    public static string MeanLoop => T("平均闭环", "Mean loop");
    public static string P90Loop => T("P90闭环", "P90 loop");
    public static string ReopenedRate => T("重开率", "Reopened");
    public static string MergedRate => T("并案率", "Merged");

    public static string NoAlarmToAcknowledge => T("没有待确认的告警。", "No alarm is waiting to be acknowledged.");
    public static string MayNotAcknowledge => T("当前角色不能确认告警。", "This role may not acknowledge alarms.");

    public static string NewCase => T("新建工单", "New case");

    // The keyboard help.
    public static string KeyboardShortcuts => T("键盘快捷键", "Keyboard shortcuts");
    public static string ShortcutsNotInFields => T("在输入框中打字时快捷键不起作用。", "Shortcuts do nothing while you type in a field.");

    public static string KeysWaiting(string keys) => T($"排队：{keys}（等待上一操作完成）", $"Queued: {keys} (after the action in flight)");

    public static string KeyRefused(string key) => T($"按键 {key} 未执行：排队的按键过多", $"Key {key} not taken: too many keys queued");

    public static string TicketCount(int count) => T($"共 {count} 件", $"{count} tickets");

    public static string Found(int count) => T($"共 {count} 件", $"{count} found");

    public static string CoordinatingWith(string departments) => T($"（协同：{departments}）", $" (with {departments})");

    public static string AlarmsToAcknowledge(int unacknowledged, int active) =>
        T($"告警待确认 {unacknowledged} · 活动 {active}", $"Alarms: {unacknowledged} to acknowledge · {active} active");

    /// <summary>Why a shortcut did nothing: the action is not one the ticket's status allows.</summary>
    public static string NotInThisState(DispatchAction action, TicketStatus status)
    {
        var lang = Language.Current;
        return T(
            $"{Status(status, lang)}状态不能{Action(action, lang)}",
            $"Cannot {Action(action, lang).ToLowerInvariant()} a ticket that is {Status(status, lang).ToLowerInvariant()}");
    }

    /// <summary>Why a shortcut did nothing: the status allows the action, the account's organisation or role does not.</summary>
    public static string NotThisAccounts(DispatchAction action)
    {
        var lang = Language.Current;
        return T($"本账号的组织或角色不能{Action(action, lang)}", $"This account's organisation or role may not {Action(action, lang).ToLowerInvariant()}");
    }

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
