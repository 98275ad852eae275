using CommandCenter.Components.Wall.Panels;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using static CommandCenter.Components.Wall.Scenes.SceneFigures;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>
/// 苏河秀带: the creek's levels along the stretch (west to east), its water quality, the drones
/// over it, and the tickets and alarms of the corridor band.
/// </summary>
public static class CorridorPanels
{
    // A left-column panel (a third of the wall's height) holds three rows under its figures; a right-column one five.
    private const int RowsLeft = 3;
    private const int RowsRight = 5;

    public static IReadOnlyList<ScenePanel> Left(TwinSnapshot snapshot, DistrictMap district) =>
        [Levels(snapshot), Quality(snapshot), Drones(snapshot, district)];

    public static IReadOnlyList<ScenePanel> Right(TwinSnapshot snapshot, DistrictMap district, DateTimeOffset now, Func<string, string> subDistrictName) =>
        [Tickets(snapshot, now, subDistrictName), Alarms(snapshot, district)];

    private static ScenePanel Levels(TwinSnapshot snapshot)
    {
        var gauges = snapshot.Sensors.Where(s => s.Definition.Kind == SensorKind.CreekWaterLevel).OrderBy(s => s.Definition.Location.Lon).ToList();
        var highest = gauges.Where(s => s.LastValue is not null).MaxBy(s => s.LastValue);
        var above = gauges.Count(s => s.ValueState != ValueState.Normal);
        var view = new PanelView("creek-levels", SceneText.CreekLevels, SceneText.AlongTheStretch,
        [
            Figure("highest", SceneText.HighestLevel, Number(highest?.LastValue), highest?.Definition.Unit ?? "m", highest is null ? IndicatorLevel.Normal : LevelOf(highest.ValueState)),
            Figure("above-warning", SceneText.AboveWarning, Count(above), WallText.Units, CountLevel(above, IndicatorLevel.Warning)),
        ], SceneText.StationsWestToEast(gauges.Count));
        return new ScenePanel(view, gauges.Take(RowsLeft).Select(SensorRow).ToList());
    }

    private static ScenePanel Quality(TwinSnapshot snapshot)
    {
        var stations = snapshot.Sensors.Where(s => s.Definition.Kind is SensorKind.DissolvedOxygen or SensorKind.AmmoniaNitrogen).ToList();
        double? Mean(SensorKind kind)
        {
            var values = stations.Where(s => s.Definition.Kind == kind && s.LastValue is not null).Select(s => s.LastValue!.Value).ToList();
            return values.Count == 0 ? null : values.Average();
        }

        var bad = stations.Count(s => s.ValueState != ValueState.Normal);
        var view = new PanelView("water-quality", SceneText.WaterQuality, SceneText.DissolvedOxygenAndAmmonia,
        [
            Figure("dissolved-oxygen", SceneText.MeanDissolvedOxygen, Number(Mean(SensorKind.DissolvedOxygen)), "mg/L",
                Worst(stations.Where(s => s.Definition.Kind == SensorKind.DissolvedOxygen).Select(s => LevelOf(s.ValueState)))),
            Figure("ammonia", SceneText.MeanAmmonia, Number(Mean(SensorKind.AmmoniaNitrogen)), "mg/L",
                Worst(stations.Where(s => s.Definition.Kind == SensorKind.AmmoniaNitrogen).Select(s => LevelOf(s.ValueState)))),
            Figure("out-of-range", SceneText.OutOfRange, Count(bad), WallText.Units, CountLevel(bad, IndicatorLevel.Warning)),
        ], SceneText.QualityChange(stations.Count));
        var rows = stations.OrderByDescending(s => s.ValueState).ThenBy(s => s.Definition.Location.Lon).Take(RowsLeft).Select(SensorRow).ToList();
        return new ScenePanel(view, rows);
    }

    private static ScenePanel Drones(TwinSnapshot snapshot, DistrictMap district)
    {
        var overCreek = snapshot.Drones.Where(d => d.Status != DroneStatus.Docked && district.IsInCorridor(d.Position)).ToList();
        var view = new PanelView("creek-drones", SceneText.CreekDrones, SceneText.CreekDronesSubtitle,
        [
            Figure("airborne", SceneText.Airborne, Count(snapshot.Drones.Count(d => d.Status == DroneStatus.Airborne)), WallText.Devices),
            Figure("over-creek", SceneText.OverCreek, Count(overCreek.Count), WallText.Devices),
        ], SceneText.DronesChange(snapshot.Drones.Length));
        var rows = overCreek.Select(d => new SceneRow(d.Id, $"{d.Id} · {d.Definition.Model}", SceneText.Battery(d.BatteryPercent),
            d.Status == DroneStatus.LinkLost ? IndicatorLevel.Alarm : d.BatteryPercent < 25 ? IndicatorLevel.Warning : IndicatorLevel.Normal)).Take(RowsLeft).ToList();
        return new ScenePanel(view, rows);
    }

    private static ScenePanel Tickets(TwinSnapshot snapshot, DateTimeOffset now, Func<string, string> subDistrictName)
    {
        var corridor = snapshot.Tickets.Where(t => t.InCorridor).ToList();
        var today = ShanghaiClock.StartOfDay(now);
        var overdue = corridor.Count(t => IsOverdue(t, now));
        var view = new PanelView("corridor-tickets", SceneText.CorridorTickets, SceneText.CorridorTicketsSubtitle,
        [
            Figure("today", SceneText.Today, Count(corridor.Count(t => t.ReportedAt >= today)), WallText.Items),
            Figure("open", SceneText.Open, Count(corridor.Count(t => t.Status.IsOpen())), WallText.Items),
            Figure("overdue", SceneText.Overdue, Count(overdue), WallText.Items, CountLevel(overdue, IndicatorLevel.Warning)),
        ], string.Empty);
        return new ScenePanel(view, MostPressing(corridor).Take(RowsRight).Select(t => TicketRow(t, subDistrictName)).ToList());
    }

    private static ScenePanel Alarms(TwinSnapshot snapshot, DistrictMap district)
    {
        var alarms = snapshot.ActiveAlarms.Where(a => district.IsInCorridor(a.Location)).ToList();
        var unacknowledged = alarms.Count(a => !a.IsAcknowledged);
        var view = new PanelView("corridor-alarms", SceneText.CorridorAlarms, SceneText.CorridorTicketsSubtitle,
        [
            Figure("active", SceneText.Active, Count(alarms.Count), WallText.Entries, CountLevel(alarms.Count, IndicatorLevel.Warning)),
            Figure("unacknowledged", SceneText.Unacknowledged, Count(unacknowledged), WallText.Entries, CountLevel(unacknowledged, IndicatorLevel.Alarm)),
        ], string.Empty);
        var rows = alarms.OrderBy(a => a.IsAcknowledged).ThenByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt).Take(RowsRight).Select(AlarmRow).ToList();
        return new ScenePanel(view, rows);
    }
}
