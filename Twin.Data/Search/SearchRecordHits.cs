using Twin.Domain.Alarms;
using Twin.Domain.Sensors;

namespace Twin.Data.Search;

/// <summary>An alarm found by search (any age, cleared ones too).</summary>
public sealed record SearchAlarmHit(
    string Id,
    AlarmSource Source,
    string SourceId,
    string Kind,
    AlarmSeverity Severity,
    string Title,
    string SubDistrictCode,
    double Lon,
    double Lat,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClearedAt)
{
    /// <summary>The sensor behind a threshold alarm, whose readings can be charted; null for other sources.</summary>
    public string? SensorId => Source == AlarmSource.SensorThreshold ? SourceId : null;
}

/// <summary>A sensor found by search, with its latest value.</summary>
public sealed record SearchSensorHit(
    string Id,
    SensorKind Kind,
    string Name,
    string Unit,
    string SubDistrictCode,
    bool InCorridor,
    double Lon,
    double Lat,
    double? LastValue,
    ValueState ValueState);
