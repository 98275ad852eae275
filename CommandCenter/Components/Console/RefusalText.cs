using System.Globalization;
using CommandCenter.Localization;
using Twin.Data.Boundary;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// Why an action was refused, in the desk's language: the engine answers with a
/// <see cref="Refusal"/> code and the desk words it here. A refusal without one (the role check's)
/// carries its own words.
/// </summary>
public static class RefusalText
{
    /// <param name="action">The refused action, for "cannot … in this status".</param>
    /// <param name="status">The ticket's status as the twin holds it after the refusal.</param>
    /// <param name="departmentName">A department's name in the desk's language.</param>
    public static string Of(
        CommandOutcome outcome, DispatchAction? action, TicketStatus? status, EvaluationWindow window, Func<string, string> departmentName)
    {
        if (outcome.Why is not { } why)
        {
            return outcome.Reason ?? ConsoleText.ActionRefused;
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
            _ => outcome.Reason ?? ConsoleText.ActionRefused,
        };
    }

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
