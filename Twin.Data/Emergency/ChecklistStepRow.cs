using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>A checklist step of one incident, as it stands now.</summary>
public sealed class ChecklistStepRow
{
    public required string IncidentId { get; set; }

    public required string StepId { get; set; }

    public ResponseLevel Level { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    public required string Department { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public ChecklistStepStatus Status { get; set; }

    public int SupervisionLevel { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? DoneBy { get; set; }

    public string? Note { get; set; }

    public ChecklistStep ToStep() =>
        new(IncidentId, StepId, Level, TitleZh, TitleEn, Department, StartedAt, DueAt, Status, SupervisionLevel, DoneAt, DoneBy, Note);
}
