using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Notifications;

/// <summary>
/// One thing the people on duty are told, in Chinese (the groups' language). <see cref="Key"/>
/// names the event, so one event is sent to a webhook once however often it is seen.
/// </summary>
/// <param name="Facts">ids, codes and levels for a machine reading the generic body.</param>
public sealed record Notification(NotificationKind Kind, string Key, DateTimeOffset At, string Title, string Text, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>The alarm it is about, whose scope decides which organisations are told.</summary>
    public AlarmState? Alarm { get; init; }

    /// <summary>The case it is about, whose scope decides which organisations are told.</summary>
    public TicketState? Ticket { get; init; }

    /// <summary>
    /// Whether <paramref name="organisation"/>'s people would see what this is about: a 街镇 its
    /// area's, a department its inbox, the centre everything. An emergency's change concerns the
    /// whole district, so every organisation.
    /// </summary>
    public bool Concerns(Organisation organisation)
    {
        var scope = new AccessScope(organisation, AccessRole.Officer);
        return Alarm is { } alarm ? scope.Sees(alarm) : Ticket is not { } ticket || scope.Sees(ticket);
    }
}

/// <summary>
/// Turns the twin's committed events into notifications. Only what the twin itself wrote goes into
/// a body: ids, categories, places, levels and roles — never a ticket's title or description, a
/// reason or a note, which people write and may name or number someone, nor any account's name.
/// </summary>
public sealed class NotificationFactory(EventCatalogue catalogue, DistrictMap district)
{
    public IEnumerable<Notification> From(TwinEvent change) => change switch
    {
        AlarmChanged { Change: AlarmChange.Raised or AlarmChange.Escalated, Alarm.Severity: AlarmSeverity.Critical } a => [CriticalAlarm(a)],
        AlarmChanged { Change: AlarmChange.DutyEscalated } a => [Escalated(a)],
        TicketChanged { Transition.Actor: TwinEngine.SystemSupervisor } t => [Overdue(t)],
        ModeChanged m => [Mode(m)],
        _ => [],
    };

    private Notification CriticalAlarm(AlarmChanged a)
    {
        var alarm = a.Alarm;
        var what = AlarmWhat(alarm);
        return new Notification(NotificationKind.CriticalAlarm, $"critical-alarm:{alarm.Id}", a.At,
            $"紧急告警 · {what}",
            $"{Place(alarm.SubDistrictCode)} {what}，告警{alarm.Id}，{Local(alarm.RaisedAt)}发生，请值班人员立即确认。",
            AlarmFacts(alarm))
        {
            Alarm = alarm,
        };
    }

    private Notification Escalated(AlarmChanged a)
    {
        var alarm = a.Alarm;
        var to = AlarmDutyLevels.NameZh(alarm.DutyLevel);
        var minutes = ((int)(a.At - alarm.RaisedAt).TotalMinutes).ToString(CultureInfo.InvariantCulture);
        return new Notification(NotificationKind.AlarmEscalated, $"alarm-escalated:{alarm.Id}:{alarm.DutyLevel}", a.At,
            $"告警升级至{to} · {AlarmWhat(alarm)}",
            $"{Place(alarm.SubDistrictCode)} {Names.Of(alarm.Severity).Zh}告警{alarm.Id}已{minutes}分钟未确认，升级至{to}。",
            new Dictionary<string, string>(AlarmFacts(alarm)) { ["dutyLevel"] = alarm.DutyLevel.ToString(CultureInfo.InvariantCulture) })
        {
            Alarm = alarm,
        };
    }

    private Notification Overdue(TicketChanged t)
    {
        var ticket = t.Ticket;
        var category = catalogue.Find(ticket.CategoryCode)?.NameZh ?? ticket.CategoryCode;
        var level = SupervisionLevels.Name(ticket.SupervisionLevel);
        var owner = ticket.Department is { } department ? $"，承办{department}" : string.Empty;
        return new Notification(NotificationKind.OverdueSupervision, $"overdue:{ticket.Id}:{ticket.SupervisionLevel}:{t.At.UtcTicks}", t.At,
            $"超时{level} · {category}",
            $"{Place(ticket.SubDistrictCode)} {category}案件{ticket.Id}（{ticket.Status.NameZh()}）超过时限，已{level}{owner}。",
            new Dictionary<string, string>
            {
                ["ticketId"] = ticket.Id,
                ["category"] = ticket.CategoryCode,
                ["subDistrict"] = ticket.SubDistrictCode,
                ["status"] = ticket.Status.ToString(),
                ["supervisionLevel"] = ticket.SupervisionLevel.ToString(CultureInfo.InvariantCulture),
            })
        {
            Ticket = ticket,
        };
    }

    private static Notification Mode(ModeChanged m)
    {
        var c = m.Change;
        var what = $"{Names.Of(c.Type).Zh}{Names.Of(c.Level).Zh}";
        var title = c.Kind == ModeChangeKind.Ended ? $"应急响应结束 · {Names.Of(c.Type).Zh}" : $"应急响应{Names.Of(c.Kind).Zh} · {what}";
        return new Notification(NotificationKind.EmergencyMode, $"mode:{c.IncidentId}:{c.Kind}:{c.Level}:{c.At.UtcTicks}", m.At,
            title,
            $"{Local(c.At)} {title}（事件{c.IncidentId}）。",
            new Dictionary<string, string>
            {
                ["incidentId"] = c.IncidentId,
                ["change"] = c.Kind.ToString(),
                ["type"] = c.Type.ToString(),
                ["level"] = c.Level.ToString(),
            });
    }

    private string AlarmWhat(AlarmState alarm) =>
        catalogue.ForAlarmKind(alarm.Kind)?.NameZh ?? $"{Names.Of(alarm.Source).Zh}告警";

    private static Dictionary<string, string> AlarmFacts(AlarmState alarm) => new()
    {
        ["alarmId"] = alarm.Id,
        ["kind"] = alarm.Kind,
        ["severity"] = alarm.Severity.ToString(),
        ["subDistrict"] = alarm.SubDistrictCode,
        ["caseId"] = alarm.CaseId ?? string.Empty,
    };

    private string Place(string subDistrictCode) => district.FindSubDistrict(subDistrictCode)?.Name ?? subDistrictCode;

    private static string Local(DateTimeOffset at) => ShanghaiClock.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
