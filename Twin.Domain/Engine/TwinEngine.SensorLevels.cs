using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    /// <summary>
    /// An admin's new levels for one sensor, simulated or onboarded. They count at once: the
    /// sensor's current value is judged again with them, so a level lowered below it raises the
    /// alarm now rather than at the next reading (and one raised above it clears it). The kind's
    /// direction (high or low is bad) stays; an emergency plan's tighter levels still apply on top.
    /// </summary>
    public InputResult SetSensorThresholds(string sensorId, double warning, double alarm, double hysteresis, string actor)
    {
        if (!_sensors.TryGetValue(sensorId ?? string.Empty, out var slot))
        {
            return InputResult.Refused($"Unknown sensor '{sensorId}'.");
        }

        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused("A change of levels needs who made it.");
        }

        var previous = slot.Definition.Thresholds;
        if (Thresholds.Check(warning, alarm, hysteresis, previous.HighIsBad) is { } problem)
        {
            return InputResult.Refused($"Sensor {sensorId}: {Thresholds.Describe(problem, warning, alarm, hysteresis)}");
        }

        var now = Now;
        slot.Definition = slot.Definition with { Thresholds = new Thresholds(warning, alarm, hysteresis, previous.HighIsBad) };
        slot.Cached = null;
        if (slot.LastValue is { } value)
        {
            var next = EffectiveThresholds(slot.Definition).Next(slot.ValueState, value);
            if (next != slot.ValueState)
            {
                ChangeValueState(slot, next, now, now);
            }
        }

        MarkChanged(slot);
        _pendingEvents.Add(new SensorThresholdsChanged(NextEventSequence(), now, slot.ToState(), previous, actor.Trim()));
        Version++;
        return InputResult.Ok;
    }
}
