using Twin.Domain.Alarms;
using Twin.Domain.Geography;

namespace Twin.Data.Alarms;

/// <summary>An alarm's current state, one row per alarm (cleared ones stay, with their clearing time).</summary>
public sealed class AlarmRow
{
    public required string Id { get; set; }

    public AlarmSource Source { get; set; }

    public required string SourceId { get; set; }

    public required string Kind { get; set; }

    public AlarmSeverity Severity { get; set; }

    public required string Title { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public required string SubDistrictCode { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    public string? AcknowledgementNote { get; set; }

    /// <summary>The ingestion source that sent an external alert (null for the twin's own alarms).</summary>
    public string? Owner { get; set; }

    /// <summary>The case the alarm was filed as (or whose case its report joined).</summary>
    public string? CaseId { get; set; }

    public string? AssignedTo { get; set; }

    public AlarmAssigneeKind? AssigneeKind { get; set; }

    /// <summary>How far it was escalated unacknowledged (<see cref="AlarmDutyLevels"/>).</summary>
    public int DutyLevel { get; set; }

    /// <summary>The AI camera's snapshot (<c>alarm_snapshots</c>), if the event came with one.</summary>
    public string? SnapshotId { get; set; }

    public AlarmState ToState() => new(
        Id, Source, SourceId, Kind, Severity, Title, new GeoPoint(Lon, Lat), SubDistrictCode, RaisedAt, AcknowledgedBy, AcknowledgedAt, ClearedAt)
    {
        AcknowledgementNote = AcknowledgementNote,
        Owner = Owner,
        CaseId = CaseId,
        AssignedTo = AssignedTo,
        AssigneeKind = AssigneeKind,
        DutyLevel = DutyLevel,
        SnapshotId = SnapshotId,
    };
}
