using System.Globalization;
using CommandCenter.Components.Console.Emergency;
using CommandCenter.Localization;
using Twin.Data.Boundary;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// Why an action was refused, in the page's language: the engine and the role checks in front of
/// it answer with a <see cref="Refusal"/> code and every page words it here. The outcome's
/// <see cref="CommandOutcome.Reason"/> stays English, for APIs and logs: an English page may show
/// it for a refusal without a code, a Chinese page shows its own fallback instead,
/// so nobody reads a refusal in the other language.
/// </summary>
public static class RefusalText
{
    /// <summary>A refusal outside the loop's dispatch (alarms, drones, the plan, the wall, the role check).</summary>
    /// <param name="fallback">What the page says for a refusal the engine gave no code for.</param>
    public static string Of(CommandOutcome outcome, string fallback, Func<string, string>? departmentName = null) =>
        Of(outcome, null, null, EvaluationWindow.Default, departmentName ?? (name => name), fallback);

    /// <param name="action">The refused action, for "cannot … in this status".</param>
    /// <param name="status">The ticket's status as the twin holds it after the refusal.</param>
    /// <param name="departmentName">A department's name in the desk's language.</param>
    public static string Of(
        CommandOutcome outcome,
        DispatchAction? action,
        TicketStatus? status,
        EvaluationWindow window,
        Func<string, string> departmentName,
        string? fallback = null)
    {
        fallback ??= ConsoleText.ActionRefused;
        if (outcome.Why is not { } why)
        {
            return Uncoded(outcome, fallback);
        }

        var detail = why.Detail ?? string.Empty;
        return why.Code switch
        {
            RefusalCode.UnknownTicket => T("该工单已不在运行中的孪生数据里，无法办理", "The running twin no longer holds this ticket: it cannot be acted on"),
            RefusalCode.NeedsActor => ConsoleText.NoOfficer,
            RefusalCode.NotInThisStatus when action is { } a && status is { } s => ConsoleText.NotInThisState(a, s),
            RefusalCode.NotInThisStatus => T("工单当前状态不能办理此操作", "The ticket's status does not allow this action"),
            RefusalCode.NeedsReason => ConsoleText.EnterReason,
            RefusalCode.EveryListedDepartmentRefused => T(
                $"责任清单上的部门均已退单（{Departments(detail, departmentName)}），请选择派遣部门",
                $"Every department on the duty list has refused it ({Departments(detail, departmentName)}): choose the department to dispatch to"),
            RefusalCode.NameOneCoordinatingDepartment => ConsoleText.ChooseCoordinatingDepartment,
            RefusalCode.DepartmentAlreadyOnIt => T($"{departmentName(detail)}已在办理本工单", $"{departmentName(detail)} already works on it"),
            RefusalCode.SupervisionLevelOutOfRange => T("督办级别无效", "No such supervision level"),
            RefusalCode.AlreadySupervised when int.TryParse(detail, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) =>
                T($"已是{ConsoleText.SupervisionLevel(level)}，只能升级", $"Already {ConsoleText.SupervisionLevel(level)}: supervision can only be raised"),
            RefusalCode.AlreadySupervised => T("督办只能升级", "Supervision can only be raised"),
            RefusalCode.UnknownMergeTarget => T($"找不到要并入的工单 {detail}", $"No case {detail} to merge into"),
            RefusalCode.MergeIntoItself => T("工单不能并入自身", "A ticket cannot be merged into itself"),
            RefusalCode.MergeTargetNotOpen => T($"工单 {detail} 已不在办理中，不能并入", $"Case {detail} is no longer open: nothing can be merged into it"),
            RefusalCode.CaseHasMergedReports => T("本工单已有并入的报告，请先拆出", "Reports are merged into this case: split them first"),
            RefusalCode.EvaluationWindowClosed => EvaluationClosed(window),
            RefusalCode.UnknownAlarm => T("该告警已不在活动告警中", "The alarm is no longer active"),
            RefusalCode.AlarmAlreadyAcknowledged => T($"该告警已由{detail}确认", $"Already acknowledged by {detail}"),
            RefusalCode.OutsideScope => T("超出本账号所属单位或角色的办理权限", "Outside what this account's organisation and role may do"),
            _ => OutsideTheLoop(why, departmentName) ?? Uncoded(outcome, fallback),
        };
    }

    /// <summary>The role checks', the alarm desk's, the drones' and the wall's refusals.</summary>
    private static string? OutsideTheLoop(Refusal why, Func<string, string> departmentName)
    {
        var detail = why.Detail ?? string.Empty;
        return why.Code switch
        {
            RefusalCode.RoleMayNotAct => T("当前角色无权办理工单、告警或无人机任务", "This role may not act on tickets, alarms or drones"),
            RefusalCode.RoleMayNotChangeMode => T("仅督办员或领导可变更运行模式", "Only a supervisor or a leader may change the mode"),
            RefusalCode.RoleMayNotWorkPlan => T("当前角色无权办理预案步骤或应急物资", "This role may not work the plan or the supplies"),
            RefusalCode.RoleMayNotPresent => T("当前账号无权主持大屏汇报（仅限指挥中心）", "This account may not present on the walls (the centre's only)"),
            RefusalCode.EmergencyHoldsWall => T("应急期间大屏保持应急场景，可突出显示其面板", "During an emergency the walls hold the emergency scene; its panels may be highlighted"),
            RefusalCode.NoEmergencyRunning => T("当前没有应急响应", "No emergency is running"),
            RefusalCode.NoSuchPanel => T($"该场景没有面板 {detail}", $"The scene has no panel {detail}"),
            RefusalCode.NotPresenting => T("大屏不在汇报中", "The walls are not being presented"),
            RefusalCode.AlarmAlreadyCase => T($"该告警已立案（{detail}）", $"The alarm is already case {detail}"),
            RefusalCode.AlarmCoversArea => T("外部预警覆盖一片区域，不是一个案件：请逐一立案它带来的事件", "An outside warning covers an area, not one case: file the cases it brings one by one"),
            RefusalCode.NoCategoryForAlarm => T("事项目录中没有受理此类告警的事项", "No category of the catalogue takes alarms of this kind"),
            RefusalCode.AlarmAlreadyAssigned => T($"该告警已指派给{departmentName(detail)}", $"The alarm is already assigned to {departmentName(detail)}"),
            RefusalCode.UnknownDepartment => T($"{detail} 不是事项目录中的部门", $"{detail} is not a department of the catalogue"),
            RefusalCode.UnknownDrone => T($"找不到无人机 {detail}", $"No drone {detail}"),
            RefusalCode.DroneLinkLost => T("无人机已失联，不能执行任务", "The drone has lost its link: it cannot take a mission"),
            RefusalCode.DroneBatteryLow => T($"无人机电量不足：执行任务至少需要 {detail}%", $"The drone's battery is too low: a mission needs at least {detail} %"),
            RefusalCode.DroneBusy => T($"无人机正在执行任务 {detail}", $"The drone is busy with mission {detail}"),
            RefusalCode.NoMissionTarget => T("任务目标已不在办理中或在飞行区域之外", "The mission's target is no longer open or lies outside the operating area"),
            RefusalCode.UnknownMission => T($"任务 {detail} 已不在执行中", $"Mission {detail} is no longer active"),
            RefusalCode.MissionStateNotAllowed => T("任务当前状态不能这样变更", "The mission cannot change so from its current state"),
            RefusalCode.TicketNotOpen => T("工单已结案：取证只能加到办理中的工单", "The ticket is closed: evidence goes only on an open ticket"),
            RefusalCode.EvidenceNotAnImage => T("取证须为一张不超过 2 MB 的 JPEG 图片", "Evidence must be one JPEG image of at most 2 MB"),
            _ => OfThePlanAndTheField(why),
        };
    }

    /// <summary>The 平急 mode's, the plan's checklist's, the supplies' and the field reports' refusals.</summary>
    private static string? OfThePlanAndTheField(Refusal why)
    {
        var detail = why.Detail ?? string.Empty;
        return why.Code switch
        {
            RefusalCode.NeedsNote => EmergencyText.NoteRequired,
            RefusalCode.UnknownChecklistStep => T("该步骤已不在当前预案中（响应级别已变更或应急已结束）", "The running plan no longer holds this step (the level changed or the emergency ended)"),
            RefusalCode.ChecklistStepNotPending when detail == nameof(ChecklistStepStatus.Withdrawn) => T("该步骤已撤回", "The step was withdrawn"),
            RefusalCode.ChecklistStepNotPending => T("该步骤已完成", "The step is already done"),
            RefusalCode.QuantityOutOfRange => EmergencyText.QuantityMustBePositive,
            RefusalCode.DepotDoesNotKeepItem => T($"该仓库不存放{EmergencyText.ItemName(detail)}", $"The depot does not keep {EmergencyText.ItemName(detail)}"),
            RefusalCode.NotEnoughStock => T($"库存不足：该仓库只有 {detail}", $"Not enough in stock: the depot holds {detail}"),
            RefusalCode.StockFull => T("该仓库的库存数无法再增加这么多", "The depot's count cannot take that many more"),
            RefusalCode.ProposalIncomplete => T("建议须有来源、依据和理由", "A proposal needs a source, a reference and a reason"),
            RefusalCode.UnknownEmergencyLevel => T("没有这种应急类型或响应级别", "No such emergency type or response level"),
            RefusalCode.ProposalAlreadyCovered => T("当前运行模式已覆盖此建议，或已有相同建议待决定", "The mode already covers this, or the same proposal is waiting"),
            RefusalCode.UnknownProposal => T($"建议 {detail} 已不在待决定之列（已被决定或已被覆盖）", $"Proposal {detail} is no longer waiting: it was decided or covered"),
            RefusalCode.OtherEmergencyRunning => T($"正在进行{EmergencyName(detail, Lang.Zh)}应急响应：先结束它，才能确认此建议", $"A {EmergencyName(detail, Lang.En)} emergency is running: stand it down before confirming this proposal"),
            RefusalCode.AlreadyAtLevel => T($"应急响应已是{LevelName(detail, Lang.Zh)}", $"The emergency is already at {LevelName(detail, Lang.En)}"),
            RefusalCode.ProposalNotAboveLevel => T($"应急响应已是{LevelName(detail, Lang.Zh)}，不低于此建议：请驳回建议", $"The emergency is already at {LevelName(detail, Lang.En)}, no lower than the proposal: dismiss it instead"),
            RefusalCode.EmergencyAlreadyRunning => T($"应急响应 {detail} 正在进行：请提升、降低或结束它", $"Emergency {detail} is already running: raise, lower or end it"),
            RefusalCode.NoPlanForEmergency => T($"没有{EmergencyName(detail, Lang.Zh)}的预案", $"No plan exists for {EmergencyName(detail, Lang.En)}"),
            RefusalCode.FieldReportKeyInvalid => T("提交缺少有效的幂等键，请重新提交", "The submission has no valid key: submit it again"),
            RefusalCode.FieldReportNeedsHandling => T(
                $"接单后、处置中才能提交处置反馈；该工单当前为{StatusName(detail, Lang.Zh)}",
                $"A handling report is submitted while the case is being handled, after accepting it; it is {StatusName(detail, Lang.En)}"),
            RefusalCode.FieldReportNoteLength => T($"请说明处置情况（1–{detail} 字）", $"Say what was done, in 1–{detail} characters"),
            RefusalCode.TooManyPhotos => T($"每次反馈最多 {detail} 张照片", $"At most {detail} photos a report"),
            RefusalCode.PhotoNotAccepted => T(
                $"第 {detail} 张照片须为不超过 {FieldRules.MaxPhotoBytes / 1024 / 1024} MB 的 JPEG 或 PNG 图片，且与所报类型一致",
                $"Photo {detail} must be one JPEG or PNG image of at most {FieldRules.MaxPhotoBytes / 1024 / 1024} MB, of the type it claims"),
            RefusalCode.NameOneDepartmentToReassignTo => T("请选择一个改派部门", "Choose one department to reassign to"),
            _ => null,
        };
    }

    private static string EmergencyName(string name, Lang lang) =>
        Enum.TryParse<EmergencyType>(name, out var type) && Enum.IsDefined(type) ? lang.Pick(type.NameZh(), type.NameEn()) : name;

    private static string LevelName(string name, Lang lang) =>
        Enum.TryParse<ResponseLevel>(name, out var level) && Enum.IsDefined(level) ? lang.Pick(level.NameZh(), level.NameEn()) : name;

    private static string StatusName(string name, Lang lang) =>
        Enum.TryParse<TicketStatus>(name, out var status) && Enum.IsDefined(status) ? ConsoleText.Status(status, lang) : name;

    /// <summary>A refusal without a code: its English reason on an English page, the page's own words on a Chinese one.</summary>
    private static string Uncoded(CommandOutcome outcome, string fallback) =>
        Language.Current == Lang.En && !string.IsNullOrWhiteSpace(outcome.Reason) ? outcome.Reason : fallback;

    /// <summary>Why a closed ticket offers no 满意 / 不满意 any more.</summary>
    public static string EvaluationClosed(EvaluationWindow window)
    {
        var hours = window.Length.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        return T($"评价期已过：结案后 {hours} 小时内可评价", $"The evaluation period is over: evaluations are taken within {hours} h of closing");
    }

    private static string Departments(string list, Func<string, string> departmentName) =>
        string.Join(Language.Current.Pick("、", ", "), list.Split(TicketState.DepartmentSeparator, StringSplitOptions.RemoveEmptyEntries).Select(departmentName));

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
