using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

/// <summary>Registering sensors: one at a time, or a device's all together (a SensorThings Thing with several Datastreams).</summary>
public sealed partial class TwinEngine
{
    public InputResult RegisterSensor(SensorDefinition definition)
    {
        if (RegistrationRefusal(definition) is { } refusal)
        {
            return refusal;
        }

        AddRegistered(definition);
        return InputResult.Ok;
    }

    /// <summary>
    /// One device's sensors (a Thing's Datastreams): every one is checked before any is added, so a
    /// refusal leaves nothing registered; they share the device's id and place.
    /// </summary>
    public InputResult RegisterThing(IReadOnlyList<SensorDefinition> sensors)
    {
        if (sensors.Count == 0)
        {
            return InputResult.Refused("A Thing needs at least one sensor.");
        }

        var thing = sensors[0].Thing;
        if (sensors.Any(s => s.Thing != thing || s.Location != sensors[0].Location))
        {
            return InputResult.Refused($"The sensors of Thing {thing} must share its id and its Location.");
        }

        if (sensors.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != sensors.Count)
        {
            return InputResult.Refused($"Thing {thing} names one sensor id twice.");
        }

        if (_sensorOrder.Any(s => s.Definition.Thing == thing))
        {
            return InputResult.Refused($"Thing {thing} is already registered.");
        }

        foreach (var sensor in sensors)
        {
            if (RegistrationRefusal(sensor) is { } refusal)
            {
                return refusal;
            }
        }

        foreach (var sensor in sensors)
        {
            AddRegistered(sensor);
        }

        return InputResult.Ok;
    }

    private InputResult? RegistrationRefusal(SensorDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            return InputResult.Refused("A sensor needs an id.");
        }

        if (_sensors.ContainsKey(definition.Id))
        {
            return InputResult.Refused($"Sensor {definition.Id} is already registered.");
        }

        if (!_district.Contains(definition.Location))
        {
            return InputResult.Refused($"Sensor {definition.Id} at {definition.Location} lies outside {_district.Name}.");
        }

        if (definition.ReportInterval <= TimeSpan.Zero)
        {
            return InputResult.Refused($"Sensor {definition.Id} needs a report interval above zero.");
        }

        var t = definition.Thresholds;
        if (!double.IsFinite(t.Warning) || !double.IsFinite(t.Alarm) || !double.IsFinite(t.Hysteresis) || t.Hysteresis < 0
            || (t.HighIsBad ? t.Alarm < t.Warning : t.Alarm > t.Warning))
        {
            return InputResult.Refused($"Sensor {definition.Id} has inconsistent thresholds.");
        }

        return null;
    }

    private void AddRegistered(SensorDefinition definition)
    {
        var subDistrict = _district.SubDistrictFor(definition.Location);
        var now = Now;
        var state = new SensorState(definition, subDistrict.Code, _district.IsInCorridor(definition.Location), null, null, null, ValueState.Normal, SensorHealth.Online);
        var slot = AddSensorSlot(state);
        slot.RegisteredAt = now;
        _pendingEvents.Add(new SensorRegistered(NextEventSequence(), now, state));
        MarkChanged(slot);
        Version++;
    }
}
