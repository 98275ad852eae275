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

    /// <summary>The case (ticket) the alarm was filed as, or the open case its report was merged into.</summary>
    public string? CaseId { get; init; }

    /// <summary>Who is to deal with the alarm: a person's account name or a department (<see cref="AssigneeKind"/>).</summary>
    public string? AssignedTo { get; init; }

    public AlarmAssigneeKind? AssigneeKind { get; init; }

    /// <summary>How far an unacknowledged alarm has been escalated on duty (<see cref="AlarmDutyLevels"/>).</summary>
    public int DutyLevel { get; init; }

    /// <summary>The AI camera's snapshot of the detection (<see cref="AlarmSnapshots"/>); null for other sources or an event sent without one.</summary>
    public string? SnapshotId { get; init; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public bool IsActive => ClearedAt is null;
}

public enum AlarmAssigneeKind
{
    Person,
    Department,
}

/// <summary>Who an unacknowledged alarm is escalated to, in turn: the supervisor on duty, then the leader on duty.</summary>
public static class AlarmDutyLevels
{
    public const int None = 0;
    public const int Supervisor = 1;
    public const int Leader = 2;

    public static string NameZh(int level) => level switch
    {
        Supervisor => "值班督办员",
        Leader => "值班领导",
        _ => "值班员",
    };

    public static string NameEn(int level) => level switch
    {
        Supervisor => "supervisor on duty",
        Leader => "leader on duty",
        _ => "duty officer",
    };
}

/// <summary>
/// An event seen by an AI video algorithm (e.g. 高空抛物), raised as an alarm. <see cref="Snapshot"/>
/// is the camera's JPEG frame of the detection, kept with the alarm and attached to its case.
/// </summary>
public sealed record AiVideoEvent(
    string CameraId,
    string Kind,
    string Title,
    GeoPoint Location,
    AlarmSeverity Severity,
    DateTimeOffset DetectedAt,
    byte[]? Snapshot = null);
