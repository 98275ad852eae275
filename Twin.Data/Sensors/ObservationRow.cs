using Twin.Domain.Sensors;

namespace Twin.Data.Sensors;

/// <summary>One reading, append-only. (sensor, observed at) is unique, so a replayed reading is stored once.</summary>
public sealed class ObservationRow
{
    public long Id { get; set; }

    public required string SensorId { get; set; }

    public double Value { get; set; }

    public DateTimeOffset ObservedAt { get; set; }

    public double? BatteryPercent { get; set; }

    public Observation ToObservation() => new(SensorId, Value, ObservedAt, BatteryPercent);
}
