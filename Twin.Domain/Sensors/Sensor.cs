using Twin.Domain.Geography;

namespace Twin.Domain.Sensors;

public enum SensorHealth
{
    Online,
    LowBattery,
    Stale,
    Offline,
}

/// <summary>
/// A perception device (感知设备) as registered: one measured quantity (a SensorThings Datastream).
/// Several may share a device (a Thing, e.g. a water-quality buoy measuring dissolved oxygen and
/// ammonia): <paramref name="ThingId"/> names it, null when the sensor is a device of its own.
/// </summary>
public sealed record SensorDefinition(
    string Id,
    SensorKind Kind,
    string Name,
    GeoPoint Location,
    string Unit,
    Thresholds Thresholds,
    TimeSpan ReportInterval,
    string? ThingId = null)
{
    /// <summary>The device this sensor belongs to: its Thing's id, or its own id when it is a device of its own.</summary>
    public string Thing => ThingId ?? Id;
}

/// <summary>One reading from a sensor. Battery is in percent, when the device reports it.</summary>
public readonly record struct Observation(string SensorId, double Value, DateTimeOffset ObservedAt, double? BatteryPercent = null);

/// <summary>A sensor as the engine holds it: health is kept apart from the value's state.</summary>
public sealed record SensorState(
    SensorDefinition Definition,
    string SubDistrictCode,
    bool InCorridor,
    double? LastValue,
    DateTimeOffset? LastObservedAt,
    double? BatteryPercent,
    ValueState ValueState,
    SensorHealth Health);
