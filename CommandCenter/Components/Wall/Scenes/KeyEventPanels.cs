using CommandCenter.Components.Wall.Panels;
using CommandCenter.Scenes;
using Twin.Domain.Engine;
using Twin.Domain.Time;
using Twin.Domain.Tickets;
using static CommandCenter.Components.Wall.Scenes.SceneFigures;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>
/// 今日要事 on the wall: the key events (<see cref="KeyEvents"/>) as three lists, critical alarms on
/// the left, cases late after 督办 and today's urgent reports on the right, each row with its number,
/// so visitors can follow the presenter ("number 3") and the zoom to it.
/// </summary>
public static class KeyEventPanels
{
    public static IReadOnlyList<ScenePanel> Left(TwinSnapshot snapshot, IReadOnlyList<KeyEvent> events, DateTimeOffset now, Func<string, string> subDistrictName) =>
        [Panel(KeyEvents.Alarms, SceneText.KeyAlarms, SceneText.KeyAlarmsSubtitle, snapshot.ActiveAlarms.Count(a => a.IsActive && a.Severity == Twin.Domain.Alarms.AlarmSeverity.Critical), IndicatorLevel.Alarm, events, now, subDistrictName)];

    public static IReadOnlyList<ScenePanel> Right(TwinSnapshot snapshot, IReadOnlyList<KeyEvent> events, DateTimeOffset now, Func<string, string> subDistrictName)
    {
        var overdue = snapshot.Tickets.Count(t => t.Status.IsOpen() && t.MergedIntoId is null && t.SupervisionLevel > 0 && t.StepDueAt < now);
        var today = ShanghaiClock.StartOfDay(now);
        var urgent = snapshot.Tickets.Count(t => t.Priority == TicketPriority.Urgent && t.MergedIntoId is null && t.ReportedAt >= today);
        return
        [
            Panel(KeyEvents.Overdue, SceneText.KeyOverdue, SceneText.KeyOverdueSubtitle, overdue, IndicatorLevel.Warning, events, now, subDistrictName),
            Panel(KeyEvents.Incidents, SceneText.KeyIncidents, SceneText.KeyIncidentsSubtitle, urgent, IndicatorLevel.Warning, events, now, subDistrictName),
        ];
    }

    /// <summary>A key event's number as the wall and the presenter's list show it: ① to ⑳.</summary>
    public static string Numeral(int number) => number is >= 1 and <= 20 ? ((char)(0x2460 + number - 1)).ToString() : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ScenePanel Panel(string key, string title, string subtitle, int total, IndicatorLevel whenAny, IReadOnlyList<KeyEvent> events, DateTimeOffset now, Func<string, string> subDistrictName)
    {
        var view = new PanelView(key, title, subtitle,
        [
            Figure("total", SceneText.Today, Count(total), WallText.Items, CountLevel(total, whenAny)),
        ], total > KeyEvents.PerGroup ? SceneText.FirstOf(KeyEvents.PerGroup, total) : string.Empty);
        var rows = events.Where(e => e.Group == key).Select(e => new SceneRow(
            e.Id,
            $"{Numeral(e.Number)} {e.Title} · {subDistrictName(e.SubDistrictCode)}",
            ShanghaiClock.ToLocal(e.At).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            whenAny)).ToList();
        return new ScenePanel(view, rows);
    }
}
