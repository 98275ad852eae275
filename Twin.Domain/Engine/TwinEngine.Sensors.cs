using System.Collections.Immutable;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    private static readonly int KindCount = Enum.GetValues<SensorKind>().Length;
    private static readonly int HealthCount = Enum.GetValues<SensorHealth>().Length;
    private static readonly int ValueStateCount = Enum.GetValues<ValueState>().Length;

    private readonly Dictionary<string, SensorSlot> _sensors = new(StringComparer.Ordinal);
    private readonly List<SensorSlot> _sensorOrder = [];
    private readonly List<SensorSlot> _changedSensors = [];
    private readonly int[] _healthCounts = new int[HealthCount];
    private readonly int[,] _kindHealth = new int[KindCount, HealthCount];
    private readonly int[,] _kindValueState = new int[KindCount, ValueStateCount];
    private readonly double[] _kindValueSum = new double[KindCount];
    private readonly int[] _kindValueCount = new int[KindCount];
    private readonly Thresholds?[] _kindThresholds = new Thresholds?[KindCount];
    private readonly string[] _kindUnits = new string[KindCount];
    private BucketSeries[] _kindSeries = NewKindSeries();
    private BucketSeries _sensorsOnlineSamples = new(TimeSpan.FromHours(1), 48);

    /// <summary>Sensors whose value, state or health changed since the last call (each once).</summary>
    public IReadOnlyList<SensorState> DrainChangedSensors()
    {
        if (_changedSensors.Count == 0)
        {
            return [];
        }

        var result = new SensorState[_changedSensors.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _changedSensors[i].ToState();
            _changedSensors[i].QueuedForDrain = false;
        }

        _changedSensors.Clear();
        return result;
    }

    public SensorState? FindSensor(string id) => _sensors.GetValueOrDefault(id)?.ToState();

    /// <summary>
    /// Renames a sensor or changes its report interval (which decides when it is stale); its kind,
    /// place, levels, value and alarm stay as they are.
    /// </summary>
    public InputResult UpdateSensor(string sensorId, string? name, TimeSpan? reportInterval)
    {
        if (!_sensors.TryGetValue(sensorId ?? string.Empty, out var slot))
        {
            return InputResult.Refused($"Unknown sensor '{sensorId}'.");
        }

        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            return InputResult.Refused($"Sensor {sensorId} needs a name.");
        }

        if (reportInterval is { } interval && interval <= TimeSpan.Zero)
        {
            return InputResult.Refused($"Sensor {sensorId} needs a report interval above zero.");
        }

        slot.Definition = slot.Definition with
        {
            Name = name?.Trim() ?? slot.Definition.Name,
            ReportInterval = reportInterval ?? slot.Definition.ReportInterval,
        };
        MarkChanged(slot);
        _pendingEvents.Add(new SensorDefinitionChanged(NextEventSequence(), Now, slot.ToState()));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>
    /// Takes a sensor out of the twin: its figures leave the counts and means, an alarm it holds
    /// is cleared, and it is dropped from the changes not yet drained so it is not written back.
    /// </summary>
    public InputResult RemoveSensor(string sensorId, string actor)
    {
        if (!_sensors.TryGetValue(sensorId ?? string.Empty, out var slot))
        {
            return InputResult.Refused($"Unknown sensor '{sensorId}'.");
        }

        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused("Removing a sensor needs who removes it.");
        }

        var now = Now;
        if (slot.ActiveAlarmId is { } alarmId)
        {
            ClearAlarm(alarmId, now, actor.Trim());
        }

        var kind = (int)slot.Definition.Kind;
        _healthCounts[(int)slot.Health]--;
        _kindHealth[kind, (int)slot.Health]--;
        _kindValueState[kind, (int)slot.ValueState]--;
        if (slot.LastValue is { } value)
        {
            _kindValueSum[kind] -= value;
            _kindValueCount[kind]--;
        }

        _sensors.Remove(sensorId!);
        _sensorOrder.Remove(slot);
        _changedSensors.Remove(slot);
        _rainfall.Remove(sensorId!);
        _pendingEvents.Add(new SensorRemoved(NextEventSequence(), now, slot.ToState(), actor.Trim()));
        Version++;
        return InputResult.Ok;
    }

    public InputResult RecordObservation(in Observation observation)
    {
        if (!_sensors.TryGetValue(observation.SensorId ?? string.Empty, out var slot))
        {
            return InputResult.Refused($"Unknown sensor '{observation.SensorId}'.");
        }

        if (!double.IsFinite(observation.Value))
        {
            return InputResult.Refused($"Sensor {slot.Definition.Id}: the value is not a finite number.");
        }

        var range = slot.Definition.Kind.PlausibleRange();
        if (!range.Contains(observation.Value))
        {
            return InputResult.Refused(FormattableString.Invariant(
                $"Sensor {slot.Definition.Id}: {observation.Value:G6} {slot.Definition.Unit} is outside the plausible range of a {slot.Definition.Kind.NameEn()} sensor ({range} {slot.Definition.Unit})."));
        }

        if (observation.BatteryPercent is { } battery && !(battery is >= 0 and <= 100))
        {
            return InputResult.Refused($"Sensor {slot.Definition.Id}: battery must be 0–100 %.");
        }

        var now = Now;
        if (IsTooFarAhead(observation.ObservedAt, now))
        {
            return InputResult.Refused(
                $"Sensor {slot.Definition.Id}: observed at {observation.ObservedAt:O}, more than {_options.MaxClockSkew.TotalMinutes:0.#} min ahead of the twin's clock ({now:O}).");
        }

        if (now - observation.ObservedAt > _options.MaxReadingAge)
        {
            return InputResult.Refused(
                $"Sensor {slot.Definition.Id}: observed at {observation.ObservedAt:O}, more than {_options.MaxReadingAge.TotalDays:0.##} days before the twin's clock ({now:O}); late readings are kept only within that.");
        }

        if (slot.LastObservedAt is { } last && observation.ObservedAt <= last)
        {
            return observation.ObservedAt == last
                ? InputResult.Refused($"Sensor {slot.Definition.Id}: already has an observation at {last:O}.")
                : RecordLateObservation(slot, observation);
        }

        RollDayIfNeeded(now);
        var kind = (int)slot.Definition.Kind;
        if (slot.LastValue is { } previousValue)
        {
            _kindValueSum[kind] += observation.Value - previousValue;
        }
        else
        {
            _kindValueSum[kind] += observation.Value;
            _kindValueCount[kind]++;
        }

        slot.LastValue = observation.Value;
        RecordRainfall(slot.Definition, observation.ObservedAt, observation.Value);
        slot.LastObservedAt = observation.ObservedAt;
        if (observation.BatteryPercent is not null)
        {
            slot.BatteryPercent = observation.BatteryPercent;
        }

        _kindSeries[kind].Add(observation.ObservedAt, observation.Value);
        var nextState = EffectiveThresholds(slot.Definition).Next(slot.ValueState, observation.Value);
        if (nextState != slot.ValueState)
        {
            ChangeValueState(slot, nextState, observation.ObservedAt, now);
        }

        SetHealth(slot, HealthAfterObservation(slot), now);
        MarkChanged(slot);
        Version++;
        return InputResult.Ok;
    }

    /// <summary>
    /// A reading older than the sensor's newest (a gateway's buffer sent late) joins the history —
    /// the kind's hourly means and a gauge's rainfall; the store keeps it and its rollups — but
    /// the sensor's current value, state and health stay those of its newest reading: a late
    /// value neither raises nor clears an alarm, and a late arrival does not make a silent
    /// sensor look alive.
    /// </summary>
    private InputResult RecordLateObservation(SensorSlot slot, in Observation observation)
    {
        RecordRainfall(slot.Definition, observation.ObservedAt, observation.Value);
        _kindSeries[(int)slot.Definition.Kind].Add(observation.ObservedAt, observation.Value);
        Version++;
        return InputResult.Ok;
    }

    private SensorHealth HealthAfterObservation(SensorSlot slot) =>
        slot.BatteryPercent is { } battery && battery < _options.LowBatteryPercent ? SensorHealth.LowBattery : SensorHealth.Online;

    private void SweepSensorHealth(DateTimeOffset now)
    {
        foreach (var slot in _sensorOrder)
        {
            var since = slot.LastObservedAt ?? slot.RegisteredAt;
            var silent = now - since;
            var interval = slot.Definition.ReportInterval;
            var health = silent > interval * _options.OfflineAfterIntervals ? SensorHealth.Offline
                : silent > interval * _options.StaleAfterIntervals ? SensorHealth.Stale
                : slot.LastObservedAt is null ? slot.Health
                : HealthAfterObservation(slot);
            if (health != slot.Health)
            {
                SetHealth(slot, health, now);
                MarkChanged(slot);
            }
        }
    }

    private void SetHealth(SensorSlot slot, SensorHealth health, DateTimeOffset now)
    {
        if (slot.Health == health)
        {
            return;
        }

        var previous = slot.Health;
        var kind = (int)slot.Definition.Kind;
        _healthCounts[(int)previous]--;
        _kindHealth[kind, (int)previous]--;
        slot.Health = health;
        _healthCounts[(int)health]++;
        _kindHealth[kind, (int)health]++;
        slot.Cached = null;
        _pendingEvents.Add(new SensorHealthChanged(NextEventSequence(), now, slot.ToState(), previous));
    }

    private void ChangeValueState(SensorSlot slot, ValueState next, DateTimeOffset observedAt, DateTimeOffset now)
    {
        var kind = (int)slot.Definition.Kind;
        _kindValueState[kind, (int)slot.ValueState]--;
        _kindValueState[kind, (int)next]++;
        slot.ValueState = next;
        slot.Cached = null;

        if (next == ValueState.Normal)
        {
            if (slot.ActiveAlarmId is { } alarmId)
            {
                ClearAlarm(alarmId, observedAt, actor: null);
                slot.ActiveAlarmId = null;
            }

            return;
        }

        if (next == ValueState.Alarm && slot.LastValue is { } value)
        {
            ProposeFromSensor(slot.Definition, value);
        }

        var severity = SeverityFor(slot.Definition.Kind, next);
        if (slot.ActiveAlarmId is { } activeId)
        {
            ChangeAlarmSeverity(activeId, severity, ThresholdAlarmTitle(slot, next), now);
            return;
        }

        var alarm = RaiseAlarm(
            AlarmSource.SensorThreshold,
            slot.Definition.Id,
            slot.Definition.Kind.Slug(),
            severity,
            ThresholdAlarmTitle(slot, next),
            slot.Definition.Location,
            slot.SubDistrictCode,
            observedAt);
        slot.ActiveAlarmId = alarm.Id;
    }

    private static AlarmSeverity SeverityFor(SensorKind kind, ValueState state) => state switch
    {
        ValueState.Alarm when kind is SensorKind.CreekWaterLevel or SensorKind.Smoke => AlarmSeverity.Critical,
        ValueState.Alarm => AlarmSeverity.Major,
        _ => AlarmSeverity.Minor,
    };

    private static string ThresholdAlarmTitle(SensorSlot slot, ValueState state)
    {
        var level = state == ValueState.Alarm ? "超报警值" : "超警戒值";
        return FormattableString.Invariant($"{slot.Definition.Name} {slot.Definition.Kind.NameZh()}{level} {slot.LastValue:0.##}{slot.Definition.Unit}");
    }

    private SensorSlot AddSensorSlot(SensorState state)
    {
        var slot = new SensorSlot(state);
        _sensors[state.Definition.Id] = slot;
        _sensorOrder.Add(slot);
        var kind = (int)state.Definition.Kind;
        _healthCounts[(int)state.Health]++;
        _kindHealth[kind, (int)state.Health]++;
        _kindValueState[kind, (int)state.ValueState]++;
        if (state.LastValue is { } value)
        {
            _kindValueSum[kind] += value;
            _kindValueCount[kind]++;
        }

        _kindThresholds[kind] ??= state.Definition.Thresholds;
        _kindUnits[kind] ??= state.Definition.Unit;
        return slot;
    }

    private void ResetSensors()
    {
        _sensors.Clear();
        _sensorOrder.Clear();
        _changedSensors.Clear();
        Array.Clear(_healthCounts);
        Array.Clear(_kindHealth);
        Array.Clear(_kindValueState);
        Array.Clear(_kindValueSum);
        Array.Clear(_kindValueCount);
        _kindSeries = NewKindSeries();
        _sensorsOnlineSamples = new BucketSeries(TimeSpan.FromHours(1), 48);
    }

    private void MarkChanged(SensorSlot slot)
    {
        slot.Cached = null;
        if (!slot.QueuedForDrain)
        {
            slot.QueuedForDrain = true;
            _changedSensors.Add(slot);
        }
    }

    private ImmutableArray<SensorState> SensorStates()
    {
        var builder = ImmutableArray.CreateBuilder<SensorState>(_sensorOrder.Count);
        foreach (var slot in _sensorOrder)
        {
            builder.Add(slot.ToState());
        }

        return builder.MoveToImmutable();
    }

    private PerceptionFigures PerceptionFigures(DateTimeOffset now)
    {
        var kinds = new List<SensorKindFigures>();
        for (var k = 0; k < KindCount; k++)
        {
            var total = 0;
            for (var h = 0; h < HealthCount; h++)
            {
                total += _kindHealth[k, h];
            }

            if (total == 0 || _kindThresholds[k] is not { } ownThresholds)
            {
                continue;
            }

            var thresholds = _thresholdOverrides[k]?.Apply(ownThresholds) ?? ownThresholds;

            double? max = null;
            foreach (var slot in _sensorOrder)
            {
                if ((int)slot.Definition.Kind == k && slot.LastValue is { } v && (max is null || v > max))
                {
                    max = v;
                }
            }

            kinds.Add(new SensorKindFigures(
                (SensorKind)k,
                _kindUnits[k],
                total,
                _kindHealth[k, (int)SensorHealth.Online] + _kindHealth[k, (int)SensorHealth.LowBattery],
                _kindHealth[k, (int)SensorHealth.Stale],
                _kindHealth[k, (int)SensorHealth.Offline],
                _kindValueState[k, (int)ValueState.Warning],
                _kindValueState[k, (int)ValueState.Alarm],
                _kindValueCount[k] > 0 ? _kindValueSum[k] / _kindValueCount[k] : null,
                max,
                thresholds.Warning,
                thresholds.Alarm,
                _kindSeries[k].Means(now, SeriesHours)));
        }

        return new PerceptionFigures(kinds);
    }

    private static BucketSeries[] NewKindSeries() =>
        Enumerable.Range(0, KindCount).Select(_ => new BucketSeries(TimeSpan.FromHours(1), 48)).ToArray();

    private sealed class SensorSlot(SensorState state)
    {
        public SensorDefinition Definition { get; set; } = state.Definition;

        public string SubDistrictCode { get; } = state.SubDistrictCode;

        public bool InCorridor { get; } = state.InCorridor;

        public double? LastValue { get; set; } = state.LastValue;

        public DateTimeOffset? LastObservedAt { get; set; } = state.LastObservedAt;

        public double? BatteryPercent { get; set; } = state.BatteryPercent;

        public ValueState ValueState { get; set; } = state.ValueState;

        public SensorHealth Health { get; set; } = state.Health;

        public DateTimeOffset RegisteredAt { get; set; } = state.LastObservedAt ?? DateTimeOffset.MinValue;

        public string? ActiveAlarmId { get; set; }

        public bool QueuedForDrain { get; set; }

        public SensorState? Cached { get; set; } = state;

        public SensorState ToState() => Cached ??= new SensorState(
            Definition, SubDistrictCode, InCorridor, LastValue, LastObservedAt, BatteryPercent, ValueState, Health);
    }
}
