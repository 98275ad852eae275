using CommandCenter.Localization;
using Twin.Domain.Emergency;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>The words of the console's 平急融合 desk: proposals, the mode, the plan's checklist, supplies and 复盘.</summary>
public static class EmergencyText
{
    public static string PageTitle => T("应急指挥 · 平急融合", "Emergency command");
    public static string DeskLink => T("应急指挥", "Emergency");
    public static string BackToConsole => T("返回值班台", "Back to the console");
    public static string PresenterLink => T("领导来访汇报 · 主持大屏演示", "Briefing visitors: present on the wall");

    // The proposal banner.
    public static string Proposed(ModeProposal p) => T(
        $"建议启动 {p.Type.NameZh()} {p.Level.NameZh()}",
        $"Proposed: {p.Type.NameEn()} {p.Level.NameEn()}");
    public static string ProposalSource(ModeProposal p) => T(
        $"{SourceName(p.Source)} · {p.Reason} · {Time(p.ProposedAt)}",
        $"{SourceName(p.Source)} · {p.Reason} · {Time(p.ProposedAt)}");
    public static string SourceName(string source) => source switch
    {
        "cap" => T("预警发布（CAP）", "CAP warning"),
        "sensor" => T("监测超限", "Gauge breach"),
        _ => source,
    };
    public static string ConfirmReason => T("确认理由", "Reason to confirm");
    public static string Confirm => T("确认启动", "Confirm");
    public static string Dismiss => T("不予采纳", "Dismiss");
    public static string OnlyDecidersConfirm => T("待督办员或领导确认", "Awaiting a supervisor or leader");
    public static string ProposalCount(int n) => T($"{n} 项应急建议", n == 1 ? "1 proposal" : $"{n} proposals");
    public static string Collapse => T("收起", "Hide");
    public static string Expand => T("展开", "Show");

    // The mode.
    public static string CurrentMode => T("当前模式", "Current mode");
    public static string DailyMode => T("日常模式", "Daily");
    public static string Mode(OperatingMode mode) => mode.IsEmergency
        ? T($"应急模式 · {mode.Type!.Value.NameZh()} {mode.Level!.Value.NameZh()}", $"Emergency · {mode.Type!.Value.NameEn()} {mode.Level!.Value.NameEn()}")
        : DailyMode;
    public static string Since(DateTimeOffset at) => T($"自 {Time(at)}", $"since {Time(at)}");
    public static string Type => T("应急类别", "Type");
    public static string Level => T("响应级别", "Level");
    public static string Reason => T("理由", "Reason");
    public static string Start => T("启动应急响应", "Start emergency");
    public static string Raise => T("提升级别", "Raise level");
    public static string Lower => T("降低级别", "Lower level");
    public static string End => T("终止应急响应", "Stand down");
    public static string ReadOnlyMode => T("仅督办员或领导可变更模式", "Only a supervisor or a leader changes the mode");
    public static string TypeName(EmergencyType type) => T(type.NameZh(), type.NameEn());
    public static string LevelName(ResponseLevel level) => T(level.NameZh(), level.NameEn());

    // The walls.
    public static string WallScene => T("大屏场景", "Wall scene");
    public static string SceneHeld => T("应急期间大屏保持应急场景，终止响应后恢复", "The walls hold the emergency scene until it is stood down");
    public static string SceneName(CommandCenter.Configuration.WallScene scene) => scene switch
    {
        CommandCenter.Configuration.WallScene.Corridor => T("苏河秀带", "Suzhou Creek corridor"),
        CommandCenter.Configuration.WallScene.Emergency => T("应急", "Emergency"),
        CommandCenter.Configuration.WallScene.KeyEvents => T("今日要事", "Today's key events"),
        CommandCenter.Configuration.WallScene.Briefing => T("昨日简报", "Yesterday's briefing"),
        _ => T("全区", "District"),
    };

    // The checklist.
    public static string Checklist => T("预案任务清单", "Plan checklist");
    public static string Progress(ChecklistProgress p) => T(
        $"已完成 {p.Done}/{p.Total} · 超时 {p.Overdue}",
        $"Done {p.Done}/{p.Total} · overdue {p.Overdue}");
    public static string NoChecklist => T("日常模式下无预案任务", "No plan is running");
    public static string Due(DateTimeOffset at) => T($"时限 {Time(at)}", $"due {Time(at)}");
    public static string Overdue => T("超时", "Overdue");
    public static string Supervised(int level) => T($"督办 {level} 级", $"Supervision {level}");
    public static string DoneBy(ChecklistStep s) => T($"{Time(s.DoneAt!.Value)} {s.DoneBy} 完成", $"done {Time(s.DoneAt!.Value)} by {s.DoneBy}");
    public static string Note => T("办理情况", "What was done");
    public static string Tick => T("完成", "Done");
    public static string Cancel => T("取消", "Cancel");

    // The duty roster.
    public static string Duty => T("值班与部门联络", "On duty and department contacts");
    public static string OnDuty => T("当班", "On duty");
    public static string Departments => T("部门值班室", "Department duty rooms");
    public static string Role(OfficerRole role) => T(role.NameZh(), role.NameEn());
    public static string Shift(DutyAssignment d) => T($"{d.ShiftNameZh} 至 {Time(d.Until)}", $"{d.ShiftNameEn} until {Time(d.Until)}");
    public static string ShowPhone => T("查看电话", "Show phone");
    public static string RevealReason => T("查看原因（必填）", "Reason (required)");
    public static string Reveal => T("确认查看", "Reveal");
    public static string Hide => T("隐藏", "Hide");

    // Supplies.
    public static string Supplies => T("应急物资", "Supplies");
    public static string Depot => T("仓库", "Depot");
    public static string Item => T("物资", "Item");
    public static string Quantity => T("数量", "Quantity");
    public static string Draw => T("出库", "Draw");
    public static string Restock => T("入库", "Restock");
    public static string MovementNote => T("用途或来源", "For what / from where");
    public static string QuantityMustBePositive => T("数量须为正整数", "The quantity must be a positive whole number");
    public static string NoteRequired => T("请填写说明", "Write a note");
    public static string ItemName(string item) => item switch
    {
        "沙袋" => T(item, "Sandbags"),
        "水泵" => T(item, "Pumps"),
        "发电机" => T(item, "Generators"),
        "救生衣" => T(item, "Life jackets"),
        "照明灯" => T(item, "Floodlights"),
        "冲锋舟" => T(item, "Assault boats"),
        _ => item,
    };

    // 复盘.
    public static string Incidents => T("应急事件与复盘", "Incidents and after-action reports");
    public static string NoIncidents => T("暂无应急事件", "No incidents yet");
    public static string Running => T("进行中", "Running");
    public static string AfterAction => T("复盘报告", "After-action report");
    public static string Loading => T("正在载入…", "Loading…");
    public static string NoSuchIncident(string id) => T($"未找到应急事件 {id}", $"No incident {id}");
    public static string ExportHtml => T("导出 HTML", "Export HTML");
    public static string ExportCsv => T("导出 CSV", "Export CSV");

    /// <summary>A time as the desk shows it: Shanghai, month-day hour:minute.</summary>
    public static string Time(DateTimeOffset utc) => ShanghaiClock.ToLocal(utc).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
