using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Scenes;

/// <summary>One of today's key events, numbered as the wall lists it: a ticket or an alarm, never its reporter.</summary>
public sealed record KeyEvent(int Number, string Group, string Kind, string Id, string Title, string SubDistrictCode, GeoPoint Location, DateTimeOffset At);

/// <summary>
/// 今日要事, what the walls walk visitors through: active critical alarms, cases late after 督办
/// and today's urgent reports, in that order, each group newest or latest first and at most
/// <see cref="PerGroup"/> long, numbered through so the presenter can say "number 3". Read from
/// the twin's snapshot, the same for the wall, the presenter's list and the zoom.
/// </summary>
public static class KeyEvents
{
    public const string Alarms = "key-alarms";
    public const string Overdue = "key-overdue";
    public const string Incidents = "key-incidents";
    public const string TicketKind = "ticket";
    public const string AlarmKind = "alarm";

    /// <summary>A wall's panel lists this many rows legibly from across the hall.</summary>
    public const int PerGroup = 5;

    public static IReadOnlyList<KeyEvent> Of(TwinSnapshot snapshot, DateTimeOffset now)
    {
        var dayStart = ShanghaiClock.StartOfDay(now);
        var alarms = snapshot.ActiveAlarms
            .Where(a => a.IsActive && a.Severity == AlarmSeverity.Critical)
            .OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(PerGroup)
            .Select(a => (Alarms, AlarmKind, a.Id, a.Title, a.SubDistrictCode, a.Location, a.RaisedAt));
        var overdue = snapshot.Tickets
            .Where(t => t.Status.IsOpen() && t.MergedIntoId is null && t.SupervisionLevel > 0 && t.StepDueAt < now)
            .OrderByDescending(t => t.SupervisionLevel).ThenBy(t => t.StepDueAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(PerGroup)
            .ToList();
        var incidents = snapshot.Tickets
            .Where(t => t.Priority == TicketPriority.Urgent && t.MergedIntoId is null && t.ReportedAt >= dayStart && !overdue.Contains(t))
            .OrderByDescending(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(PerGroup);
        return alarms
            .Concat(overdue.Select(t => Ticket(Overdue, t, t.StepDueAt ?? t.ReportedAt)))
            .Concat(incidents.Select(t => Ticket(Incidents, t, t.ReportedAt)))
            .Select((e, i) => new KeyEvent(i + 1, e.Item1, e.Item2, e.Id, e.Title, e.SubDistrictCode, e.Location, e.Item7))
            .ToList();
    }

    /// <summary>Where a ticket or alarm of the twin is, for the walls' zoom; null when the twin holds neither by that id.</summary>
    public static SceneTarget? Locate(TwinSnapshot snapshot, string id)
    {
        if (snapshot.ActiveAlarms.FirstOrDefault(a => a.Id == id) is { } alarm)
        {
            return new SceneTarget(alarm.Id, AlarmKind, alarm.Location.Lon, alarm.Location.Lat);
        }

        return snapshot.Tickets.FirstOrDefault(t => t.Id == id) is { } ticket
            ? new SceneTarget(ticket.Id, TicketKind, ticket.Location.Lon, ticket.Location.Lat)
            : null;
    }

    private static (string, string, string Id, string Title, string SubDistrictCode, GeoPoint Location, DateTimeOffset) Ticket(string group, TicketState t, DateTimeOffset at) =>
        (group, TicketKind, t.Id, t.Title, t.SubDistrictCode, t.Location, at);
}
