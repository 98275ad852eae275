using CommandCenter.Localization;
using Twin.Domain.Dispatch;

namespace CommandCenter.Components.Console;

/// <summary>What a shortcut does: move in the queue or jump to its most urgent ticket, focus search, show help, file a new case, acknowledge an alarm, or one of the loop's actions.</summary>
public enum ShortcutCommand
{
    Next,
    Previous,
    MostUrgent,
    Search,
    Help,
    Dismiss,
    Act,
    EvaluateSatisfied,
    NewCase,
    AcknowledgeAlarm,
}

/// <param name="Key">The browser's KeyboardEvent.key.</param>
/// <param name="Shown">How the key is printed on buttons and in the help.</param>
public sealed record Shortcut(string Key, string Shown, ShortcutCommand Command, DispatchAction? Action, string Zh, string En)
{
    public string Describe(Lang lang) => lang.Pick(Zh, En);
}

/// <summary>The console's keyboard: one table for the listener, the buttons' key hints and the help overlay.</summary>
public static class ConsoleShortcuts
{
    public static IReadOnlyList<Shortcut> All { get; } =
    [
        new("j", "J", ShortcutCommand.Next, null, "队列下一件", "Next ticket in the queue"),
        new("ArrowDown", "↓", ShortcutCommand.Next, null, "队列下一件", "Next ticket in the queue"),
        new("k", "K", ShortcutCommand.Previous, null, "队列上一件", "Previous ticket in the queue"),
        new("ArrowUp", "↑", ShortcutCommand.Previous, null, "队列上一件", "Previous ticket in the queue"),
        new("u", "U", ShortcutCommand.MostUrgent, null, "跳到最紧急的一件（队列之首）", "Jump to the most urgent ticket (top of the queue)"),
        new("/", "/", ShortcutCommand.Search, null, "搜索 / 筛选", "Search and filter"),
        new("n", "N", ShortcutCommand.NewCase, null, "新建工单（来电、来信、来访）", "New case (call, letter, visit)"),
        new("g", "G", ShortcutCommand.AcknowledgeAlarm, null, "确认告警（最紧急的未确认告警，需填说明）", "Acknowledge an alarm (the most severe unacknowledged one; needs a note)"),
        new("f", "F", ShortcutCommand.Act, DispatchAction.File, "立案", "File"),
        new("d", "D", ShortcutCommand.Act, DispatchAction.Dispatch, "派遣", "Dispatch"),
        new("t", "T", ShortcutCommand.Act, DispatchAction.Refuse, "退单（需填原因）", "Refuse the dispatch (needs a reason)"),
        new("h", "H", ShortcutCommand.Act, DispatchAction.Accept, "接单处置", "Accept for handling"),
        new("v", "V", ShortcutCommand.Act, DispatchAction.SubmitForReview, "提交审核", "Submit for review"),
        new("a", "A", ShortcutCommand.Act, DispatchAction.Approve, "审核通过", "Approve"),
        new("r", "R", ShortcutCommand.Act, DispatchAction.Reject, "审核驳回（需填原因）", "Reject (needs a reason)"),
        new("c", "C", ShortcutCommand.Act, DispatchAction.Close, "直接结案（需填原因）", "Close (needs a reason)"),
        new("s", "S", ShortcutCommand.Act, DispatchAction.Supervise, "督办（需填原因）", "Supervise (needs a reason)"),
        new("m", "M", ShortcutCommand.Act, DispatchAction.Merge, "并案", "Merge"),
        new("x", "X", ShortcutCommand.Act, DispatchAction.Split, "拆案（需填原因）", "Split (needs a reason)"),
        new("o", "O", ShortcutCommand.Act, DispatchAction.Reopen, "重新处置（需填原因）", "Reopen for handling (needs a reason)"),
        new("y", "Y", ShortcutCommand.EvaluateSatisfied, DispatchAction.Evaluate, "评价：满意", "Evaluate: satisfied"),
        new("?", "?", ShortcutCommand.Help, null, "显示 / 隐藏快捷键", "Show or hide shortcuts"),
        new("Escape", "Esc", ShortcutCommand.Dismiss, null, "关闭帮助或新建工单", "Close the help or the new-case form"),
    ];

    /// <summary>The keys the browser listener reports; any other key is left to the page.</summary>
    public static IReadOnlyList<string> Keys { get; } = All.Select(s => s.Key).ToList();

    public static Shortcut? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    public static string? KeyFor(DispatchAction action) =>
        All.FirstOrDefault(s => s.Command == ShortcutCommand.Act && s.Action == action)?.Shown;
}
