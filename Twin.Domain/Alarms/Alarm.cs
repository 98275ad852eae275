using Twin.Domain.Geography;

namespace Twin.Domain.Alarms;

public enum AlarmSeverity
{
    Info,
    Minor,
    Major,
    Critical,
}

public enum AlarmSource
{
    SensorThreshold,
    AiVideo,

    /// <summary>An OASIS CAP 1.2 alert from an outside warning system (see ExternalAlert).</summary>
    Cap,
}

/// <summary>An alarm (告警) as the engine holds it.</summary>
public sealed record AlarmState(
    string Id,
    AlarmSource Source,
    string SourceId,
    string Kind,
    AlarmSeverity Severity,
    string Title,
    GeoPoint Location,
    string SubDistrictCode,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClearedAt)
{
    /// <summary>The area an external alert covers, drawn on the wall; null for point alarms.</summary>
    public AlarmArea? Area { get; init; }

    /// <summary>What the officer wrote when acknowledging (e.g. who was called), for the next shift to read.</summary>
    public string? AcknowledgementNote { get; init; }

    /// <summary>The person who opened the alarm before acknowledging it: simulated staff leave it alone.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The ingestion source (API key) that sent an external alert: only it may update or cancel the alert.</summary>
    public string? Owner { get; init; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public bool IsActive => ClearedAt is null;
}

/// <summary>An event seen by an AI video algorithm (e.g. 高空抛物), raised as an alarm.</summary>
public sealed record AiVideoEvent(
    string CameraId,
    string Kind,
    string Title,
    GeoPoint Location,
    AlarmSeverity Severity,
    DateTimeOffset DetectedAt);
