using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Data.Sensors;

/// <summary>A sensor as stored: its definition and its current state, one row per sensor.</summary>
public sealed class SensorRow
{
    public required string Id { get; set; }

    public SensorKind Kind { get; set; }

    public required string Name { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public required string Unit { get; set; }

    public double WarningLevel { get; set; }

    public double AlarmLevel { get; set; }

    public double Hysteresis { get; set; }

    public bool HighIsBad { get; set; }

    public TimeSpan ReportInterval { get; set; }

    public required string SubDistrictCode { get; set; }

    public bool InCorridor { get; set; }

    public double? LastValue { get; set; }

    public DateTimeOffset? LastObservedAt { get; set; }

    public double? BatteryPercent { get; set; }

    public ValueState ValueState { get; set; }

    public SensorHealth Health { get; set; }

    /// <summary>The device (SensorThings Thing) this sensor is one Datastream of; null when it is a device of its own.</summary>
    public string? ThingId { get; set; }

    public SensorState ToState() => new(
        new SensorDefinition(Id, Kind, Name, new GeoPoint(Lon, Lat), Unit, new Thresholds(WarningLevel, AlarmLevel, Hysteresis, HighIsBad), ReportInterval, ThingId),
        SubDistrictCode,
        InCorridor,
        LastValue,
        LastObservedAt,
        BatteryPercent,
        ValueState,
        Health);
}
