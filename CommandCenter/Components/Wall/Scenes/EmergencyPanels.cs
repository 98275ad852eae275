using CommandCenter.Components.Console.Emergency;
using CommandCenter.Components.Wall.Panels;
using CommandCenter.Localization;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using static CommandCenter.Components.Wall.Scenes.SceneFigures;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>What the 应急 scene draws from besides the snapshot: the flood-control assets and the duty roster.</summary>
public sealed record EmergencyReference(FloodControlAssets Assets, DutyRoster Roster);

/// <summary>
/// 应急: the plan's level and checklist progress, rain and creek levels, waterlogging, supplies
/// with the rescue teams and who is on duty, and the tickets since the emergency started. On a
/// 街镇's wall the rain, creek, waterlogging and ticket figures are its area's (the snapshot comes
/// scoped, <see cref="Twin.Domain.Organisations.AreaVitalSigns"/>); the plan, the supplies, the
/// rescue teams and the duty roster are the district's, which the 街镇 calls on.
/// </summary>
public static class EmergencyPanels
{
    /// <summary>The catalogue's 道路积水 category: the reports of flooded points.</summary>
    public const string WaterloggingCategory = "waterlogging";

    // A left-column panel (a third of the wall's height) holds three rows under its figures; a right-column one five.
    private const int RowsLeft = 3;
    private const int RowsRight = 5;

    public static IReadOnlyList<ScenePanel> Left(TwinSnapshot snapshot, EmergencyReference reference, DateTimeOffset now, Func<string, string> subDistrictName) =>
        [Plan(snapshot, now), Water(snapshot), Waterlogging(snapshot, reference, subDistrictName)];

    public static IReadOnlyList<ScenePanel> Right(TwinSnapshot snapshot, EmergencyReference reference, DateTimeOffset now, Func<string, string> subDistrictName) =>
        [Supplies(snapshot, reference, now), Tickets(snapshot, now, subDistrictName)];

    private static ScenePanel Plan(TwinSnapshot snapshot, DateTimeOffset now)
    {
        var mode = snapshot.Mode;
        var progress = ChecklistProgress.Of(snapshot.Checklist, now);
        var level = mode.Level is { } l && l <= ResponseLevel.II ? IndicatorLevel.Alarm : IndicatorLevel.Warning;
        var view = new PanelView("plan", SceneText.Plan, mode.Type is { } type ? EmergencyText.TypeName(type) : string.Empty,
        [
            Figure("level", SceneText.Level, mode.Level is { } lv ? EmergencyText.LevelName(lv) : "—", string.Empty, level, isText: true),
            Figure("steps-done", SceneText.StepsDone, $"{progress.Done}/{progress.Total}", string.Empty),
            Figure("steps-overdue", SceneText.Overdue, Count(progress.Overdue), WallText.Entries, CountLevel(progress.Overdue, IndicatorLevel.Alarm)),
        ], mode.IncidentId is { } id ? SceneText.Since(id, EmergencyText.Time(mode.Since)) : string.Empty);
        var rows = snapshot.Checklist
            .Where(s => s.Status == ChecklistStepStatus.Pending)
            .OrderByDescending(s => s.IsOverdueAt(now))
            .ThenBy(s => s.DueAt)
            .Take(RowsLeft)
            .Select(s => new SceneRow(s.StepId, $"{Language.Name(s.TitleZh, s.TitleEn)} · {s.Department}",
                s.IsOverdueAt(now) ? SceneText.Overdue : EmergencyText.Due(s.DueAt),
                s.IsOverdueAt(now) ? IndicatorLevel.Alarm : IndicatorLevel.Normal))
            .ToList();
        return new ScenePanel(view, rows);
    }

    private static ScenePanel Water(TwinSnapshot snapshot)
    {
        var rain = snapshot.Rainfall;
        var creek = snapshot.Sensors.Where(s => s.Definition.Kind == SensorKind.CreekWaterLevel && s.LastValue is not null).MaxBy(s => s.LastValue);
        var gaugeStates = snapshot.Sensors.Where(s => s.Definition.Kind == SensorKind.RainGauge).ToDictionary(s => s.Definition.Id, s => s.ValueState, StringComparer.Ordinal);
        var view = new PanelView("rain-water", SceneText.RainAndWater, SceneText.RainSubtitle,
        [
            Figure("peak-rain", SceneText.PeakRain, Number(rain.Select(r => r.LastMmPerHour).Max(), "0.0"), "mm/h",
                Worst(gaugeStates.Values.Select(LevelOf))),
            Figure("peak-24h", SceneText.Peak24h, Number(rain.Length == 0 ? null : rain.Max(r => r.Last24HoursMm), "0"), "mm"),
            Figure("creek-highest", SceneText.HighestLevel, Number(creek?.LastValue), creek?.Definition.Unit ?? "m", creek is null ? IndicatorLevel.Normal : LevelOf(creek.ValueState)),
        ], SceneText.RainChange(rain.Length));
        var rows = rain.OrderByDescending(r => r.LastMmPerHour ?? 0).Take(RowsLeft)
            .Select(r => new SceneRow(r.SensorId, r.Name, SceneText.Rain(r.LastMmPerHour, r.Last24HoursMm),
                gaugeStates.TryGetValue(r.SensorId, out var state) ? LevelOf(state) : IndicatorLevel.Normal))
            .ToList();
        return new ScenePanel(view, rows);
    }

    private static ScenePanel Waterlogging(TwinSnapshot snapshot, EmergencyReference reference, Func<string, string> subDistrictName)
    {
        var reports = snapshot.Tickets.Where(t => t.CategoryCode == WaterloggingCategory && t.Status.IsOpen()).ToList();
        var view = new PanelView("waterlogging", SceneText.Waterlogging, SceneText.WaterloggingSubtitle,
        [
            Figure("reports", SceneText.Reports, Count(reports.Count), WallText.Items, CountLevel(reports.Count, IndicatorLevel.Alarm)),
            Figure("known-points", SceneText.KnownPoints, Count(PointsOf(snapshot, reference, FloodPointKind.WaterloggingPoint)), WallText.Units),
            Figure("underpasses", SceneText.Underpasses, Count(PointsOf(snapshot, reference, FloodPointKind.Underpass)), WallText.Units),
        ], string.Empty);
        return new ScenePanel(view, MostPressing(reports).Take(RowsLeft).Select(t => TicketRow(t, subDistrictName)).ToList());
    }

    /// <summary>The known points of <paramref name="kind"/> the wall's figures cover: a 街镇's own, else the district's.</summary>
    private static int PointsOf(TwinSnapshot snapshot, EmergencyReference reference, FloodPointKind kind) =>
        reference.Assets.OfKind(kind).Count(p => snapshot.VitalSigns.SubDistrictCode is not { } area || p.SubDistrictCode == area);

    private static ScenePanel Supplies(TwinSnapshot snapshot, EmergencyReference reference, DateTimeOffset now)
    {
        var totals = snapshot.Stock.GroupBy(s => s.Item, StringComparer.Ordinal)
            .Select(g => (Item: g.Key, Quantity: g.Sum(s => s.Quantity)))
            .OrderByDescending(t => t.Quantity)
            .Take(3)
            .Select(t => Figure("stock-" + t.Item, EmergencyText.ItemName(t.Item), Count(t.Quantity), string.Empty))
            .ToList();
        var teams = reference.Assets.Teams;
        var view = new PanelView("supplies-teams", SceneText.SuppliesAndTeams, SceneText.SuppliesSubtitle, totals,
            SceneText.TeamsChange(teams.Count, teams.Sum(t => t.Members)));
        var onDuty = reference.Roster.OnDutyAt(now)
            .Select(d => new SceneRow("duty-" + d.PersonId, $"{Names(d.Role)} · {Language.Name(d.ShiftNameZh, d.ShiftNameEn)}", d.Name));
        var teamRows = teams.Select(t => new SceneRow(t.Id, t.Name, SceneText.Members(t.Members)));
        return new ScenePanel(view, onDuty.Concat(teamRows).Take(RowsRight).ToList());
    }

    private static ScenePanel Tickets(TwinSnapshot snapshot, DateTimeOffset now, Func<string, string> subDistrictName)
    {
        var since = snapshot.Mode.Since;
        var tickets = snapshot.Tickets.Where(t => t.ReportedAt >= since).ToList();
        var overdue = tickets.Count(t => IsOverdue(t, now));
        var view = new PanelView("emergency-tickets", SceneText.EmergencyTickets, SceneText.EmergencyTicketsSubtitle,
        [
            Figure("since-start", SceneText.SinceStart, Count(tickets.Count), WallText.Items),
            Figure("open", SceneText.Open, Count(tickets.Count(t => t.Status.IsOpen())), WallText.Items),
            Figure("overdue", SceneText.Overdue, Count(overdue), WallText.Items, CountLevel(overdue, IndicatorLevel.Warning)),
        ], string.Empty);
        return new ScenePanel(view, MostPressing(tickets).Take(RowsRight).Select(t => TicketRow(t, subDistrictName)).ToList());
    }

    private static string Names(OfficerRole role) => Language.Name(role.NameZh(), role.NameEn());
}
