using System.Globalization;
using CommandCenter.Components.Wall.Panels;
using CommandCenter.Localization;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>What the corridor and emergency scenes share: levels from states, figures as text, and the rows of sensors, tickets and alarms.</summary>
public static class SceneFigures
{
    public static IndicatorLevel LevelOf(ValueState state) => state switch
    {
        ValueState.Alarm => IndicatorLevel.Alarm,
        ValueState.Warning => IndicatorLevel.Warning,
        _ => IndicatorLevel.Normal,
    };

    public static IndicatorLevel Worst(IEnumerable<IndicatorLevel> levels) => levels.DefaultIfEmpty(IndicatorLevel.Normal).Max();

    public static IndicatorLevel CountLevel(int count, IndicatorLevel whenAny) => count > 0 ? whenAny : IndicatorLevel.Normal;

    public static string Number(double? value, string format = "0.00") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static IndicatorView Figure(string key, string label, string value, string unit, IndicatorLevel level = IndicatorLevel.Normal, bool isText = false) =>
        new(key, label, value, unit, level, null, isText);

    public static SceneRow SensorRow(SensorState sensor) => new(
        sensor.Definition.Id,
        sensor.Definition.Name,
        $"{Number(sensor.LastValue)} {sensor.Definition.Unit}",
        LevelOf(sensor.ValueState));

    public static SceneRow TicketRow(TicketState ticket, Func<string, string> subDistrictName) => new(
        ticket.Id,
        $"{ticket.Title} · {subDistrictName(ticket.SubDistrictCode)}",
        Names.Of(ticket.Status).Text(Language.Current),
        ticket.Priority >= TicketPriority.Urgent ? IndicatorLevel.Alarm : ticket.SupervisionLevel > 0 ? IndicatorLevel.Warning : IndicatorLevel.Normal);

    public static SceneRow AlarmRow(AlarmState alarm) => new(
        alarm.Id,
        alarm.Title,
        Names.Of(alarm.Severity).Text(Language.Current),
        alarm.Severity >= AlarmSeverity.Critical ? IndicatorLevel.Alarm : alarm.Severity >= AlarmSeverity.Major ? IndicatorLevel.Warning : IndicatorLevel.Normal);

    public static bool IsOverdue(TicketState ticket, DateTimeOffset now) => ticket.Status.IsOpen() && ticket.StepDueAt is { } due && due < now;

    /// <summary>Open tickets first, the most urgent and newest at the top.</summary>
    public static IEnumerable<TicketState> MostPressing(IEnumerable<TicketState> tickets) => tickets
        .Where(t => t.Status.IsOpen())
        .OrderByDescending(t => t.Priority)
        .ThenByDescending(t => t.SupervisionLevel)
        .ThenByDescending(t => t.ReportedAt);
}
