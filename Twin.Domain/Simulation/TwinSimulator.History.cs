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

    /// <summary>
    /// A rainy spell: the creek rises at every gauge with the tides, past warning and mostly past
    /// alarm, one high water about every half day (a tidal period) from <paramref name="from"/> to
    /// <paramref name="until"/>. Call before the spell is simulated; the gauges' ordinary episodes
    /// that would overlap it are left out.
    /// </summary>
    public void AddRainySpell(DateTimeOffset from, DateTimeOffset until)
    {
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
