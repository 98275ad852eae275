using System.Globalization;
using CommandCenter.Localization;
using Twin.Domain.Emergency;
using Twin.Domain.Privacy;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Emergency;

/// <summary>One line of a 复盘: when, what kind of entry, what happened, and its detail.</summary>
public sealed record AfterActionLine(DateTimeOffset At, string Section, string What, string Detail);

/// <summary>
/// A 复盘 as the page and its exports show it: one timeline of mode changes, proposals, checklist
/// steps, supply movements, tickets and alarms, in time order. It names roles and departments,
/// never a person: neither a caller (tickets and alarms carry only their de-identified titles) nor
/// the staff who acted, and free texts (reasons, notes) pass the same mask as ticket texts.
/// </summary>
public sealed record AfterActionView(string IncidentId, string Title, string Period, IReadOnlyList<AfterActionLine> Lines)
{
    public static AfterActionView From(AfterActionReport report, Lang lang)
    {
        var lines = new List<AfterActionLine>();
        foreach (var change in report.Timeline)
        {
            lines.Add(new(change.At, lang.Pick("模式", "Mode"), $"{Names.Of(change.Kind).Text(lang)} · {Names.Of(change.Level).Text(lang)}",
                $"{Names.Of(change.Role).Text(lang)}：{FreeTextMask.Mask(change.Reason)}"));
        }

        foreach (var proposal in report.Proposals)
        {
            lines.Add(new(proposal.ProposedAt, lang.Pick("建议", "Proposal"), $"{proposal.Id} · {Names.Of(proposal.Level).Text(lang)}",
                $"{FreeTextMask.Mask(proposal.Reason)} · {Decision(proposal.Status, lang)}"));
        }

        var steps = report.Steps.ToDictionary(s => s.StepId, StringComparer.Ordinal);
        foreach (var entry in report.StepHistory)
        {
            var step = steps.GetValueOrDefault(entry.StepId);
            var stepTitle = step is null ? entry.StepId : lang.Pick(step.TitleZh, step.TitleEn);
            lines.Add(new(entry.At, lang.Pick("任务", "Checklist"), $"{stepTitle} · {StepChange(entry.Change, entry.SupervisionLevel, lang)}",
                $"{step?.Department}{(entry.Note is { } note ? " · " + FreeTextMask.Mask(note) : string.Empty)}"));
        }

        foreach (var move in report.StockMovements)
        {
            lines.Add(new(move.At, lang.Pick("物资", "Supplies"),
                $"{move.DepotId} · {move.Item} {(move.Kind == StockMovementKind.Draw ? "-" : "+")}{move.Quantity}", FreeTextMask.Mask(move.Note)));
        }

        foreach (var ticket in report.Tickets)
        {
            lines.Add(new(ticket.ReportedAt, lang.Pick("工单", "Ticket"), $"{ticket.Id} · {ticket.Title}",
                $"{Names.Of(ticket.Status).Text(lang)}{(ticket.ClosedAt is { } closed ? " · " + lang.Pick("结案 ", "closed ") + Time(closed) : string.Empty)}"));
        }

        foreach (var alarm in report.Alarms)
        {
            lines.Add(new(alarm.RaisedAt, lang.Pick("告警", "Alarm"), $"{alarm.Id} · {alarm.Title}",
                $"{Names.Of(alarm.Severity).Text(lang)}{(alarm.ClearedAt is { } cleared ? " · " + lang.Pick("解除 ", "cleared ") + Time(cleared) : string.Empty)}"));
        }

        var title = lang.Pick($"{report.Type.NameZh()} 复盘 · {report.IncidentId}", $"After-action report · {report.Type.NameEn()} · {report.IncidentId}");
        var period = $"{Time(report.StartedAt)} – {(report.EndedAt is { } end ? Time(end) : lang.Pick("进行中", "running"))} · "
            + lang.Pick($"最高 {report.HighestLevel.NameZh()}", $"highest {report.HighestLevel.NameEn()}");
        return new AfterActionView(report.IncidentId, title, period, lines.OrderBy(l => l.At).ThenBy(l => l.Section, StringComparer.Ordinal).ToList());
    }

    /// <summary>Shanghai time, to the second.</summary>
    public static string Time(DateTimeOffset utc) => ShanghaiClock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Decision(ProposalStatus status, Lang lang) => status switch
    {
        ProposalStatus.Confirmed => lang.Pick("已确认", "confirmed"),
        ProposalStatus.Dismissed => lang.Pick("未采纳", "dismissed"),
        _ => lang.Pick("待定", "open"),
    };

    private static string StepChange(ChecklistChange change, int supervision, Lang lang) => change switch
    {
        ChecklistChange.Started => lang.Pick("开始", "started"),
        ChecklistChange.Done => lang.Pick("完成", "done"),
        ChecklistChange.Supervised => lang.Pick($"超时督办 {supervision} 级", $"overdue, supervision {supervision}"),
        _ => lang.Pick("撤销", "withdrawn"),
    };
}
