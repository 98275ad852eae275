using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Organisations;

/// <summary>
/// The five vital signs of one organisation's wall, computed from the same snapshot the district's
/// come from, so a wall never shows a figure of work that is not its organisation's. A 街镇's count
/// its area: cases, sensors and active alarms from the snapshot's own records, its drones (those
/// over the area or flying a mission there) and the rain gauges of the emergency scene. A
/// department's count its own work (its inbox of cases, the alarms assigned to it), while the
/// standing picture and the sensors (城市之貌, 城市之感) stay the district's: the sensors are the
/// district's shared infrastructure every department sees. What only the engine's district-wide
/// history holds has no per-organisation figure here and is left out rather than shown for the
/// district: a 街镇's hourly sensor series (sensors online, means per kind) are empty, and alarm
/// counts of the day are of the alarms still active (cleared ones are no longer in the snapshot).
/// Platform figures (the data lake, resource catalogues) are the district's and are zero for a 街镇.
/// </summary>
public sealed class AreaVitalSigns(DistrictMap district, EventCatalogue catalogue, IReadOnlyList<Camera> cameras)
{
    private const int SeriesHours = 24;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// What a wall of <paramref name="scope"/> shows of <paramref name="snapshot"/>: the records the
    /// scope sees and, for a 街镇 or a department, its own figures in place of the district's.
    /// </summary>
    public TwinSnapshot View(AccessScope scope, TwinSnapshot snapshot)
    {
        var view = scope.View(snapshot);
        switch (scope.Organisation)
        {
            case { Kind: OrganisationKind.SubDistrict, SubDistrictCode: { } code }:
                var (signs, dispatch) = Of(snapshot, code);
                var (drones, missions) = FleetOver(code, snapshot.Drones, snapshot.Missions);
                return view with
                {
                    VitalSigns = signs,
                    Dispatch = dispatch,
                    Missions = [.. missions],
                    Drones = [.. drones],
                    Rainfall = [.. snapshot.Rainfall.Where(r => IsIn(r.Location, code))],
                };
            case { Kind: OrganisationKind.Department } department:
                return view with
                {
                    VitalSigns = OfDepartment(snapshot, view, department.NameZh),
                    Dispatch = DepartmentDispatch(snapshot, view.Tickets, department.NameZh),
                };
            default:
                return view;
        }
    }

    /// <summary>
    /// The part of the fleet a 街镇's screens show: the missions with a waypoint in its area, and the
    /// drones over it or flying one of those missions.
    /// </summary>
    public (IReadOnlyList<DroneState> Drones, IReadOnlyList<MissionState> Missions) FleetOver(
        string subDistrictCode, IEnumerable<DroneState> drones, IEnumerable<MissionState> missions)
    {
        var over = missions.Where(m => m.Waypoints.Any(w => IsIn(w, subDistrictCode))).ToList();
        return ([.. drones.Where(d => IsIn(d.Position, subDistrictCode) || over.Any(m => m.DroneId == d.Id))], over);
    }

    /// <summary>The snapshot's figures for <paramref name="subDistrictCode"/>: its vital signs and its 评效 (the 街镇's row as the overall one).</summary>
    public (VitalSigns Signs, DispatchFigures Dispatch) Of(TwinSnapshot snapshot, string subDistrictCode)
    {
        var now = snapshot.At;
        var todayStart = ShanghaiClock.StartOfDay(now);
        var tickets = snapshot.Tickets.Where(t => t.SubDistrictCode == subDistrictCode).ToList();
        var sensors = snapshot.Sensors.Where(s => s.SubDistrictCode == subDistrictCode).ToList();
        var alarms = snapshot.ActiveAlarms.Where(a => a.SubDistrictCode == subDistrictCode).ToList();
        var signs = new VitalSigns(
            Look(subDistrictCode, sensors),
            Pulse(tickets, now, todayStart),
            Perception(sensors, snapshot.VitalSigns.Perception),
            Alerts(alarms, now, todayStart),
            Voice(tickets, now, todayStart, t => t.NeighbourhoodCode, code => district.FindNeighbourhood(code)?.Name ?? code))
        {
            SubDistrictCode = subDistrictCode,
        };
        var row = snapshot.Dispatch?.BySubDistrict.FirstOrDefault(r => r.Key == subDistrictCode);
        return (signs, Dispatch(row ?? EmptyRow(subDistrictCode), tickets, now) with { BySubDistrict = row is null ? [] : [row] });
    }

    /// <summary>
    /// A department's figures: its cases' 城市之脉 and 城市之声 (the 街镇 they come from as the
    /// hotspots) and its alarms' 城市之警; the standing picture and the sensors are the district's.
    /// </summary>
    private VitalSigns OfDepartment(TwinSnapshot snapshot, TwinSnapshot view, string department)
    {
        var now = snapshot.At;
        var todayStart = ShanghaiClock.StartOfDay(now);
        var tickets = view.Tickets.ToList();
        return snapshot.VitalSigns with
        {
            Pulse = Pulse(tickets, now, todayStart),
            Alerts = Alerts([.. view.ActiveAlarms], now, todayStart),
            Voice = Voice(tickets, now, todayStart, t => t.SubDistrictCode, code => district.FindSubDistrict(code)?.Name ?? code),
            Department = department,
        };
    }

    /// <summary>The department's 评效 row as the overall one (a merged report counts for the case it joined, as the engine counts it).</summary>
    private static DispatchFigures DepartmentDispatch(TwinSnapshot snapshot, IReadOnlyList<TicketState> tickets, string department)
    {
        var row = snapshot.Dispatch?.ByDepartment.FirstOrDefault(r => r.Key == department);
        return Dispatch(row ?? EmptyRow(department), [.. tickets], snapshot.At) with { ByDepartment = row is null ? [] : [row] };
    }

    private bool IsIn(GeoPoint point, string subDistrictCode) => district.SubDistrictAt(point)?.Code == subDistrictCode;

    private LookFigures Look(string code, List<SensorState> sensors)
    {
        var area = district.FindSubDistrict(code);
        var inArea = cameras.Where(c => c.SubDistrictCode == code).ToList();
        var creek = area is null ? 0 : district.Projection.Forward(district.Creek.Intersection(area.Boundary)).Length / 1000.0;
        return new LookFigures(
            area?.AreaKm2 ?? 0,
            SubDistrictProfiles.All.FirstOrDefault(p => p.Code == code)?.EstimatedResidents ?? 0,
            1,
            district.Neighbourhoods.Count(n => n.SubDistrictCode == code),
            creek,
            sensors.Count,
            sensors.Count(s => s.Health is SensorHealth.Online or SensorHealth.LowBattery),
            inArea.Count,
            0,
            inArea.Count(c => c.Ai),
            0,
            0,
            0,
            []);
    }

    private static PulseFigures Pulse(List<TicketState> tickets, DateTimeOffset now, DateTimeOffset todayStart)
    {
        var reported = new BucketSeries(Hour, 48);
        var closed = new BucketSeries(Hour, 48);
        var dispatchMinutes = new List<double>();
        var closureHours = new List<double>();
        foreach (var ticket in tickets)
        {
            reported.Add(ticket.ReportedAt);
            if (ticket.ClosedAt is { } closedAt)
            {
                closed.Add(closedAt);
                if (closedAt >= todayStart)
                {
                    closureHours.Add((closedAt - ticket.ReportedAt).TotalHours);
                }
            }

            if (ticket.DispatchedAt is { } dispatchedAt && dispatchedAt >= todayStart)
            {
                dispatchMinutes.Add((dispatchedAt - ticket.ReportedAt).TotalMinutes);
            }
        }

        return new PulseFigures(
            tickets.Count(t => t.ReportedAt >= todayStart),
            (int)reported.SumBetween(now - Hour, now),
            closureHours.Count,
            (int)closed.SumBetween(now - Hour, now),
            tickets.Count(t => t.Status.IsOpen()),
            dispatchMinutes.Count > 0 ? dispatchMinutes.Average() : null,
            closureHours.Count > 0 ? closureHours.Average() : null,
            reported.Sums(now, SeriesHours),
            closed.Sums(now, SeriesHours));
    }

    /// <summary>Thresholds and units are the kind's, whatever the area.</summary>
    private static PerceptionFigures Perception(List<SensorState> sensors, PerceptionFigures districtFigures) => new(
        [.. sensors.GroupBy(s => s.Definition.Kind).OrderBy(g => g.Key).SelectMany(g => districtFigures.Of(g.Key) is { } kind
            ? [KindFigures(kind, [.. g])]
            : Array.Empty<SensorKindFigures>())]);

    private static SensorKindFigures KindFigures(SensorKindFigures district, List<SensorState> sensors)
    {
        var values = sensors.Where(s => s.LastValue is not null).Select(s => s.LastValue!.Value).ToList();
        return district with
        {
            Total = sensors.Count,
            Online = sensors.Count(s => s.Health is SensorHealth.Online or SensorHealth.LowBattery),
            Stale = sensors.Count(s => s.Health == SensorHealth.Stale),
            Offline = sensors.Count(s => s.Health == SensorHealth.Offline),
            Warning = sensors.Count(s => s.ValueState == ValueState.Warning),
            Alarm = sensors.Count(s => s.ValueState == ValueState.Alarm),
            Mean = values.Count > 0 ? values.Average() : null,
            Max = values.Count > 0 ? values.Max() : null,
            MeanPerHour = [],
        };
    }

    private static AlertFigures Alerts(List<AlarmState> alarms, DateTimeOffset now, DateTimeOffset todayStart)
    {
        var raised = new BucketSeries(Hour, 48);
        foreach (var alarm in alarms)
        {
            raised.Add(alarm.RaisedAt);
        }

        var unacknowledged = alarms.Where(a => !a.IsAcknowledged).ToList();
        var today = alarms.Where(a => a.RaisedAt >= todayStart).ToList();
        return new AlertFigures(
            alarms.Count(a => a.Severity == AlarmSeverity.Critical),
            alarms.Count(a => a.Severity == AlarmSeverity.Major),
            alarms.Count(a => a.Severity == AlarmSeverity.Minor),
            alarms.Count(a => a.Severity == AlarmSeverity.Info),
            unacknowledged.Count,
            unacknowledged.Count > 0 ? now - unacknowledged.Min(a => a.RaisedAt) : null,
            (int)raised.SumBetween(now - Hour, now),
            today.Count(a => a.Source != AlarmSource.AiVideo),
            today.Count(a => a.Source == AlarmSource.AiVideo),
            raised.Sums(now, SeriesHours));
    }

    /// <summary>As the district's 城市之声, with the hotspots by <paramref name="hotspotOf"/> (a 街镇's 居委, a department's 街镇).</summary>
    private VoiceFigures Voice(
        List<TicketState> tickets, DateTimeOffset now, DateTimeOffset todayStart, Func<TicketState, string?> hotspotOf, Func<string, string> hotspotName)
    {
        var hotline = new BucketSeries(Hour, 48);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var hotspots = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ticket in tickets)
        {
            if (ticket.Channel == TicketChannel.Hotline12345)
            {
                hotline.Add(ticket.ReportedAt);
            }

            if (ticket.ReportedAt < todayStart || !TwinEngine.IsCitizenChannel(ticket.Channel))
            {
                continue;
            }

            TwinEngine.Increment(categories, ticket.CategoryCode);
            if (hotspotOf(ticket) is { } hotspot)
            {
                TwinEngine.Increment(hotspots, hotspot);
            }

            foreach (var word in TwinEngine.HotWords(ticket, catalogue))
            {
                TwinEngine.Increment(words, word);
            }
        }

        var today = tickets.Where(t => t.ReportedAt >= todayStart).ToList();
        return new VoiceFigures(
            today.Count(t => t.Channel == TicketChannel.Hotline12345),
            tickets.Count(t => t.Channel == TicketChannel.Hotline12345 && t.ReportedAt >= todayStart.AddDays(-1) && t.ReportedAt < now.AddDays(-1)),
            today.Count(t => t.Channel == TicketChannel.CitizenApp),
            TwinEngine.Top(categories, code => catalogue.Find(code)?.NameZh ?? code),
            TwinEngine.Top(hotspots, hotspotName),
            TwinEngine.Top(words, word => word),
            hotline.Sums(now, SeriesHours));
    }

    private static DispatchFigures Dispatch(EvaluationRow overall, List<TicketState> tickets, DateTimeOffset now)
    {
        var open = tickets.Where(t => t.Status.IsOpen()).ToList();
        return new DispatchFigures(
            overall,
            [],
            [],
            open.Count(t => t.SupervisionLevel > 0),
            open.Count(t => t.StepDueAt < now),
            open.Count(t => t.PossibleDuplicateOf is not null));
    }

    private static EvaluationRow EmptyRow(string key) => new(key, key, 0, 0, 0, null, null, null, null, null);
}
