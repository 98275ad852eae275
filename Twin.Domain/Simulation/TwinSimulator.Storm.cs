using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Domain.Simulation;

/// <summary>
/// The typhoon scenario (<c>Twin:Simulator:Scenario=typhoon</c>): the storm's curves laid over the
/// readings, a CAP typhoon warning (blue, then yellow, then cancelled) and 道路积水 reports at the
/// waterlogging points and underpasses while the rain is heavy. It proposes nothing itself: the
/// engine's plan triggers turn the warning and the gauges into proposals, as with real inputs.
/// </summary>
public sealed partial class TwinSimulator
{
    private const int SortExternal = 6;
    private const string WarningSender = "simulator";
    private const string WaterloggingCategory = "waterlogging";

    private readonly IReadOnlyList<FloodPoint> _floodPoints = [];
    private long _nextStormSlot;

    /// <summary>False for a replay of past days (the warm start): the scenario's storm starts with the live run.</summary>
    public bool RunsScenario { get; init; } = true;

    private DateTimeOffset? _stormStartedAt;

    private bool StormRuns => RunsScenario && (_stormStartedAt is not null || string.Equals(_options.Scenario, StormScenario.Name, StringComparison.Ordinal));

    /// <summary>When the storm's curves start: the simulation's start, or the moment <see cref="StartStorm"/> was asked.</summary>
    private DateTimeOffset StormOrigin => _stormStartedAt ?? _origin!.Value;

    private double StormHours(DateTimeOffset at) => (at - StormOrigin).TotalHours;

    /// <summary>
    /// Starts the typhoon scenario at <paramref name="at"/> in a running daily simulation (the
    /// admin's action in Development), as <c>Scenario=typhoon</c> does from the start; false when a
    /// storm already runs or the simulation has not started.
    /// </summary>
    public bool StartStorm(DateTimeOffset at)
    {
        if (StormRuns || _origin is null || !RunsScenario)
        {
            return false;
        }

        _stormStartedAt = at;
        _nextStormSlot = 0;
        return true;
    }

    private double WithStorm(SimSensor sensor, DateTimeOffset at, double value) =>
        StormRuns ? Math.Round(StormScenario.Adjust(sensor.Definition.Kind, sensor.Index, StormHours(at), value), sensor.Profile.Decimals) : value;

    /// <summary>The warnings and the waterlogging reports of (<paramref name="from"/>, <paramref name="to"/>].</summary>
    private void AdvanceStorm(DateTimeOffset from, DateTimeOffset to, List<PendingTicket> newTickets, List<Entry> entries)
    {
        if (!StormRuns)
        {
            return;
        }

        var origin = StormOrigin;
        var blue = $"{WarningSender},typhoon-blue-{origin.UtcTicks}";
        var yellow = $"{WarningSender},typhoon-yellow-{origin.UtcTicks}";
        AddWarning(origin + StormScenario.BlueWarningAt, from, to, entries, Warning(blue, "台风蓝色预警", AlarmSeverity.Major, []));
        AddWarning(origin + StormScenario.YellowWarningAt, from, to, entries, Warning(yellow, "台风黄色预警", AlarmSeverity.Critical, [blue]));
        var cancelAt = origin + StormScenario.WarningCancelledAt;
        if (cancelAt > from && cancelAt <= to)
        {
            entries.Add(new Entry(cancelAt, SortExternal, 3, new CancelExternalAlarmCommand([yellow], $"{WarningSender},typhoon-cancel-{origin.UtcTicks}")));
        }

        ReportWaterlogging(to, newTickets);
    }

    private static void AddWarning(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to, List<Entry> entries, ExternalAlert alert)
    {
        if (at > from && at <= to)
        {
            entries.Add(new Entry(at, SortExternal, entries.Count, new RaiseExternalAlarmCommand(alert)));
        }
    }

    private ExternalAlert Warning(string key, string kind, AlarmSeverity severity, IReadOnlyList<string> replaces)
    {
        var interior = _district.Outline.InteriorPoint;
        var centre = new GeoPoint(interior.X, interior.Y);
        return new ExternalAlert(key, kind, $"上海中心气象台发布{kind}（模拟）", severity, centre, AlarmArea.Circle(centre, 15_000), replaces);
    }

    /// <summary>One report per slot while the rain is heavy, at the points in turn (underpasses only once it is heavier still).</summary>
    private void ReportWaterlogging(DateTimeOffset to, List<PendingTicket> newTickets)
    {
        var origin = StormOrigin;
        if (_floodPoints.Count == 0 || _catalogue.Find(WaterloggingCategory) is not { } category)
        {
            return;
        }

        for (var at = origin + StormScenario.ReportEvery * (_nextStormSlot + 1); at <= to; at = origin + StormScenario.ReportEvery * (_nextStormSlot + 1))
        {
            var slot = _nextStormSlot++;
            var rain = StormScenario.RainAt(StormHours(at));
            var candidates = _floodPoints.Where(p => p.Kind == FloodPointKind.WaterloggingPoint || (p.Kind == FloodPointKind.Underpass && rain >= StormScenario.UnderpassRain)).ToList();
            if (rain < StormScenario.WaterloggingRain || candidates.Count == 0)
            {
                continue;
            }

            var point = candidates[(int)(slot % candidates.Count)];
            var rng = new Random(DeterministicNoise.SeedFor(_options.Seed, 17, slot));
            var depth = (int)Math.Round(5 + 25 * rain / StormScenario.PeakRainMmPerHour + rng.Next(0, 6));
            var subDistrict = _district.SubDistricts.FirstOrDefault(s => s.Code == point.SubDistrictCode) ?? _district.SubDistrictFor(point.Location);
            var channel = slot % 3 == 0 ? TicketChannel.GridPatrol : TicketChannel.Hotline12345;
            var reporter = channel == TicketChannel.GridPatrol ? new Reporter(null, null) : new Reporter(TicketTexts.PersonName(rng), TicketTexts.MobileNumber(rng));
            var report = new TicketReport(
                string.Empty,
                channel,
                category.Code,
                $"{point.Name}积水",
                string.Create(CultureInfo.InvariantCulture, $"{point.Name}路面积水约{depth}厘米，车辆行人通行困难，请尽快排水。"),
                point.Location,
                $"普陀区{subDistrict.Name}{point.Name}",
                null,
                reporter,
                at,
                TicketPriority.Urgent);
            newTickets.Add(new PendingTicket(at, SortTicketReport, 1_000_000 + slot, report, category));
        }
    }
}
