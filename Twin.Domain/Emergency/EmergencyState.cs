namespace Twin.Domain.Emergency;

/// <summary>
/// The twin's operating mode: 日常 (daily) when <see cref="IncidentId"/> is null, else 应急 of
/// <see cref="Type"/> at <see cref="Level"/>. One incident runs from its start to its stand-down,
/// whatever level changes it goes through.
/// </summary>
public sealed record OperatingMode(string? IncidentId, EmergencyType? Type, ResponseLevel? Level, DateTimeOffset Since)
{
    public bool IsEmergency => IncidentId is not null;

    public static OperatingMode Daily(DateTimeOffset since) => new(null, null, null, since);
}

/// <summary>One change of the mode, as recorded: who, in which role, why, and the proposal it confirmed if any.</summary>
public sealed record ModeChange(
    string IncidentId,
    ModeChangeKind Kind,
    EmergencyType Type,
    ResponseLevel Level,
    DateTimeOffset At,
    string Actor,
    OfficerRole Role,
    string Reason,
    string? ProposalId = null);

public enum ProposalStatus
{
    Open,
    Confirmed,
    Dismissed,
}

/// <summary>
/// A suggestion to enter (or raise) an emergency, made by a CAP warning or a sensor breach. It
/// never changes the mode by itself: a supervisor or leader confirms or dismisses it.
/// </summary>
public sealed record ModeProposal(
    string Id,
    string Source,
    string SourceRef,
    EmergencyType Type,
    ResponseLevel Level,
    string Reason,
    DateTimeOffset ProposedAt,
    ProposalStatus Status = ProposalStatus.Open,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionNote = null);

public enum ChecklistStepStatus
{
    Pending,
    Done,

    /// <summary>No longer asked for: the level was lowered past it, or the emergency ended.</summary>
    Withdrawn,
}

public enum ChecklistChange
{
    Started,
    Done,
    Supervised,
    Withdrawn,
}

/// <summary>
/// One step of the running plan's checklist. It is due <see cref="PlanStep.TimeLimit"/> after its
/// level was entered; once overdue, 督办 rises like a ticket's (one level per further time limit).
/// </summary>
public sealed record ChecklistStep(
    string IncidentId,
    string StepId,
    ResponseLevel Level,
    string TitleZh,
    string TitleEn,
    string Department,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    ChecklistStepStatus Status = ChecklistStepStatus.Pending,
    int SupervisionLevel = 0,
    DateTimeOffset? DoneAt = null,
    string? DoneBy = null,
    string? Note = null)
{
    public bool IsOverdueAt(DateTimeOffset now) => Status == ChecklistStepStatus.Pending && now >= DueAt;
}

/// <summary>The plan's progress as the wall shows it.</summary>
public sealed record ChecklistProgress(int Total, int Done, int Overdue)
{
    public static ChecklistProgress Of(IReadOnlyList<ChecklistStep> steps, DateTimeOffset now) => new(
        steps.Count(s => s.Status != ChecklistStepStatus.Withdrawn),
        steps.Count(s => s.Status == ChecklistStepStatus.Done),
        steps.Count(s => s.IsOverdueAt(now)));
}
