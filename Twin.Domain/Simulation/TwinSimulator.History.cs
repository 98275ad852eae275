using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Domain.Simulation;

public sealed partial class TwinSimulator
{
    /// <summary>
    /// Before this instant devices report only around their breach episodes: a replayed month
    /// then holds every alarm and smart case without the ~5 million normal readings a day that
    /// nobody keeps raw for long (the store keeps hourly rollups of them instead).
    /// </summary>
    public DateTimeOffset EpisodeReadingsOnlyUntil { get; set; } = DateTimeOffset.MinValue;

    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _rainySpells = [];

    /// <summary>
    /// A rainy spell: the creek rises at every gauge with the tides, past warning and mostly past
    /// alarm, one high water about every half day (a tidal period) from <paramref name="from"/> to
    /// <paramref name="until"/>, and the rain gauges read the rain (<see cref="Rainfall"/>). Call
    /// before the spell is simulated; the gauges' ordinary episodes that would overlap it are left out.
    /// </summary>
    public void AddRainySpell(DateTimeOffset from, DateTimeOffset until)
    {
        _rainySpells.Add((from, until));
        var rng = new Random(_options.Seed + 12);
        foreach (var sensor in _sensors.Where(s => s.Definition.Kind == SensorKind.CreekWaterLevel))
        {
            var thresholds = sensor.Definition.Thresholds;
            var span = thresholds.Alarm - thresholds.Warning;
            for (var start = from.AddHours(12.42 * rng.NextDouble()); start < until; start = start.AddHours(12.42))
            {
                var peak = thresholds.Warning + span * (0.4 + 0.9 * rng.NextDouble());
                sensor.Breach(start, start.AddMinutes(60 + 120 * rng.NextDouble()), peak);
            }
        }
    }

    /// <summary>
    /// The district's rain in mm/h at <paramref name="at"/>: 0 outside a rainy spell; in one, showers
    /// coming and going (two overlapping swells of a few hours) of up to about 11 mm/h (中雨 to 大雨),
    /// building up and easing off over three hours at its ends. Below the gauges' warning level: the
    /// spell's alarms are the creek's.
    /// </summary>
    public double Rainfall(DateTimeOffset at)
    {
        foreach (var (from, until) in _rainySpells)
        {
            if (at >= from && at < until)
            {
                var hours = (at - from).TotalHours;
                var edges = Math.Min(1, Math.Min(hours, (until - at).TotalHours) / 3);
                var showers = 5 + 3.5 * Math.Sin(2 * Math.PI * hours / 7.3) + 2.5 * Math.Sin(2 * Math.PI * hours / 2.9 + 1.3);
                return Math.Max(0.3, edges * showers);
            }
        }

        return 0;
    }

    private double RainfallFor(SimSensor sensor, DateTimeOffset at) =>
        sensor.Profile.Kind == SensorKind.RainGauge && _rainySpells.Count > 0 ? Rainfall(at) : 0;

    /// <summary>
    /// When and by which desk the simulated duty officer acknowledges <paramref name="alarm"/>,
    /// with the live simulator's delays: for a replay that follows alarms through the engine's
    /// events instead of handing the simulator a snapshot every step.
    /// </summary>
    public (DateTimeOffset At, AcknowledgeAlarmCommand Command) PlanAcknowledgement(AlarmState alarm)
    {
        var at = alarm.RaisedAt + AcknowledgeDelay(alarm.Id);
        return (at, new AcknowledgeAlarmCommand(alarm.Id, DutyOfficer(at, alarm.Id)));
    }
}
