using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace Twin.Domain.Engine;

/// <summary>立案 from an alarm: one action files it as a case of the catalogue's category for its kind.</summary>
public sealed record FileCaseFromAlarmCommand(string AlarmId, string By) : TwinCommand;

/// <summary>Gives an alarm to a person (an account name) or a department of the catalogue.</summary>
public sealed record AssignAlarmCommand(string AlarmId, string Assignee, AlarmAssigneeKind Kind, string By) : TwinCommand;

/// <summary>
/// 自动发现 → 立案: an alarm becomes a case (by a person's one action, or by itself where the
/// catalogue says so), with its place, its category, the reading or the AI detection as evidence
/// and a link both ways (<see cref="AlarmState.CaseId"/>, <see cref="TicketState.SourceAlarmId"/>).
/// The alarm's report goes through the same duplicate rules as any report, so a creek gauge that
/// alarms again beside an open case joins that case instead of opening a second one. Alarms are
/// assigned, and an unacknowledged alarm is escalated on its severity's timers.
/// </summary>
public sealed partial class TwinEngine
{
    /// <summary>The actor of a case the catalogue's rule filed.</summary>
    public const string AutoFiler = "自动立案";

    /// <summary>The actor of an escalation made by the alarm's timer.</summary>
    public const string AlarmEscalator = "告警超时升级";

    /// <summary>A case filed from an alarm is named after it (A-00000012 → AL-00000012): one alarm, one report.</summary>
    public static string CaseIdFor(string alarmId) => "AL-" + (alarmId.StartsWith("A-", StringComparison.Ordinal) ? alarmId[2..] : alarmId);

    public InputResult FileCaseFromAlarm(string alarmId, string by)
    {
        if (!_activeAlarms.TryGetValue(alarmId ?? string.Empty, out var alarm))
        {
            return InputResult.Refused($"No active alarm '{alarmId}'.", new(RefusalCode.UnknownAlarm));
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return InputResult.Refused($"Alarm {alarm.Id}: filing a case needs the officer's name.", new(RefusalCode.NeedsActor));
        }

        return FileCase(alarm, by.Trim(), automatic: false);
    }

    public InputResult AssignAlarm(string alarmId, string assignee, AlarmAssigneeKind kind, string by)
    {
        if (!_activeAlarms.TryGetValue(alarmId ?? string.Empty, out var alarm))
        {
            return InputResult.Refused($"No active alarm '{alarmId}'.", new(RefusalCode.UnknownAlarm));
        }

        if (string.IsNullOrWhiteSpace(by) || string.IsNullOrWhiteSpace(assignee))
        {
            return InputResult.Refused($"Alarm {alarm.Id}: assigning needs who assigns and to whom.", new(RefusalCode.NeedsActor));
        }

        if (!Enum.IsDefined(kind))
        {
            return InputResult.Refused($"Alarm {alarm.Id}: unknown kind of assignee {(int)kind}.");
        }

        var to = assignee.Trim();
        if (kind == AlarmAssigneeKind.Department && !_catalogue.Departments.Contains(to, StringComparer.Ordinal))
        {
            return InputResult.Refused($"Alarm {alarm.Id}: '{to}' is not a department of the catalogue.", new(RefusalCode.UnknownDepartment, to));
        }

        if (alarm.AssignedTo == to && alarm.AssigneeKind == kind)
        {
            return InputResult.Refused($"Alarm {alarm.Id} is already assigned to {to}.", new(RefusalCode.AlarmAlreadyAssigned, to));
        }

        var actor = by.Trim();
        var assigned = alarm with { AssignedTo = to, AssigneeKind = kind, ClaimedBy = alarm.ClaimedBy ?? actor };
        _activeAlarms[alarm.Id] = assigned;
        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), Now, assigned, AlarmChange.Assigned, actor, $"指派给{to}"));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>The catalogue's 自动立案 rule, checked when an alarm is raised or its severity rises.</summary>
    private void FileAutomaticallyIfRuled(string alarmId)
    {
        if (_activeAlarms.TryGetValue(alarmId, out var alarm) && alarm is { CaseId: null, Source: not AlarmSource.Cap }
            && _catalogue.ForAlarmKind(alarm.Kind) is { } category && category.FilesAutomatically(alarm.Severity))
        {
            // A refusal (a case of that id already exists) leaves the alarm as it was: nothing to undo.
            FileCase(alarm, AutoFiler, automatic: true);
        }
    }

    private InputResult FileCase(AlarmState alarm, string actor, bool automatic)
    {
        if (alarm.CaseId is { } existing)
        {
            return InputResult.Refused($"Alarm {alarm.Id} is already case {existing}.", new(RefusalCode.AlarmAlreadyCase, existing));
        }

        if (alarm.Source == AlarmSource.Cap)
        {
            return InputResult.Refused($"Alarm {alarm.Id} is an outside warning covering an area, not a case; file the cases it brings one by one.", new(RefusalCode.AlarmCoversArea));
        }

        if (_catalogue.ForAlarmKind(alarm.Kind) is not { } category)
        {
            return InputResult.Refused($"Alarm {alarm.Id}: no category of the catalogue files alarms of kind '{alarm.Kind}'.", new(RefusalCode.NoCategoryForAlarm));
        }

        var now = Now;
        var reportId = CaseIdFor(alarm.Id);
        var report = new TicketReport(
            reportId,
            alarm.Source == AlarmSource.AiVideo ? TicketChannel.AiVideo : TicketChannel.SmartCase,
            category.Code,
            alarm.Title,
            EvidenceOf(alarm),
            alarm.Location,
            _district.FindSubDistrict(alarm.SubDistrictCode)?.Name ?? alarm.SubDistrictCode,
            null,
            new Reporter(null, null),
            now);
        var reported = ReportTicket(report, alarm.Id);
        if (!reported.Accepted)
        {
            return reported;
        }

        var ticket = _tickets[reportId];
        var caseId = ticket is { Status: TicketStatus.Merged, MergedIntoId: { } into } ? into : reportId;
        if (ticket.Status == TicketStatus.Discovered)
        {
            var note = $"由告警{alarm.Id}立案";
            if (automatic)
            {
                Commit(ticket, EnterStep(ticket, TicketStatus.Filed, now), actor, $"{AutoFiler}：{note}（{category.NameZh}达{Names.Of(alarm.Severity).Zh}）", now);
            }
            else
            {
                ApplyDispatch(new FileTicketCommand(reportId, actor, note));
            }
        }

        var filed = alarm with { CaseId = caseId, ClaimedBy = automatic ? alarm.ClaimedBy : alarm.ClaimedBy ?? actor };
        _activeAlarms[alarm.Id] = filed;
        var said = caseId == reportId ? $"立案{caseId}" : $"报告{reportId}并入案件{caseId}";
        _pendingEvents.Add(new AlarmChanged(NextEventSequence(), now, filed, AlarmChange.FiledAsCase, actor, said));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>What the case keeps of the alarm: the reading against its levels, or the AI detection and where its snapshot is.</summary>
    private string EvidenceOf(AlarmState alarm)
    {
        var raised = ShanghaiClock.ToLocal(alarm.RaisedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var head = $"告警{alarm.Id}（{Names.Of(alarm.Severity).Zh}，{raised}）：{alarm.Title}。";
        if (alarm.Source == AlarmSource.SensorThreshold && _sensors.TryGetValue(alarm.SourceId, out var slot))
        {
            var d = slot.Definition;
            var read = slot.LastObservedAt is { } at ? ShanghaiClock.ToLocal(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "—";
            return head + string.Create(CultureInfo.InvariantCulture,
                $"传感器{d.Id}（{d.Name}）最新读数{slot.LastValue:0.##}{d.Unit}（{read}），警戒值{d.Thresholds.Warning:0.##}{d.Unit}，报警值{d.Thresholds.Alarm:0.##}{d.Unit}。");
        }

        return alarm.Source == AlarmSource.AiVideo
            ? head + $"AI视频识别：摄像头{alarm.SourceId}，算法{alarm.Kind}，抓拍时间{raised}" + (alarm.SnapshotId is { } snapshot
                ? $"，抓拍图像{snapshot}附为本案证据。"
                : "（未随告警送来抓拍图像，在视频平台按摄像头与时间调阅）。")
            : head;
    }

    /// <summary>Unacknowledged alarms past their severity's timer go up one duty level (supervisor, then leader), each step once.</summary>
    private void SweepAlarmDuty(DateTimeOffset now)
    {
        List<(AlarmState Alarm, int Level)>? due = null;
        foreach (var alarm in _activeAlarms.Values)
        {
            if (!alarm.IsAcknowledged && _options.AlarmEscalation.For(alarm.Severity).LevelAt(now - alarm.RaisedAt) is var level && level > alarm.DutyLevel)
            {
                (due ??= []).Add((alarm, level));
            }
        }

        foreach (var (alarm, level) in due ?? [])
        {
            var escalated = alarm with { DutyLevel = level };
            _activeAlarms[alarm.Id] = escalated;
            var minutes = (now - alarm.RaisedAt).TotalMinutes.ToString("F0", CultureInfo.InvariantCulture);
            _pendingEvents.Add(new AlarmChanged(NextEventSequence(), now, escalated, AlarmChange.DutyEscalated, AlarmEscalator,
                $"{minutes}分钟未确认，升级至{AlarmDutyLevels.NameZh(level)}"));
            Version++;
        }
    }
}
