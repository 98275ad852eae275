using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>One change of a checklist step, append-only: the after-action report's step timeline.</summary>
public sealed class ChecklistHistoryRow
{
    public long Id { get; set; }

    public required string IncidentId { get; set; }

    public required string StepId { get; set; }

    public ChecklistChange Change { get; set; }

    public DateTimeOffset At { get; set; }

    public int SupervisionLevel { get; set; }

    public string? Actor { get; set; }

    public string? Note { get; set; }

    public ChecklistEntry ToEntry() => new(StepId, Change, At, SupervisionLevel, Actor, Note);
}
