namespace Twin.Domain.Engine;

/// <summary>
/// Why the engine refused a person's action, as a code that a screen words in its own language;
/// <see cref="InputResult.Reason"/> keeps the English sentence for APIs and logs.
/// </summary>
public enum RefusalCode
{
    UnknownTicket,
    NeedsActor,

    /// <summary>The loop's rules do not allow the action from the ticket's status.</summary>
    NotInThisStatus,
    NeedsReason,

    /// <summary>Every department on the responsibility list refused the case: the officer names one. <see cref="Refusal.Detail"/>: those departments.</summary>
    EveryListedDepartmentRefused,
    NameOneCoordinatingDepartment,

    /// <summary><see cref="Refusal.Detail"/>: the department already working on it.</summary>
    DepartmentAlreadyOnIt,
    SupervisionLevelOutOfRange,

    /// <summary><see cref="Refusal.Detail"/>: the current 督办 level.</summary>
    AlreadySupervised,

    /// <summary><see cref="Refusal.Detail"/>: the id given.</summary>
    UnknownMergeTarget,
    MergeIntoItself,

    /// <summary><see cref="Refusal.Detail"/>: the case's id.</summary>
    MergeTargetNotOpen,
    CaseHasMergedReports,

    /// <summary>评价 comes too long after closing (<see cref="Dispatch.EvaluationWindow"/>).</summary>
    EvaluationWindowClosed,
    UnknownAlarm,

    /// <summary><see cref="Refusal.Detail"/>: who acknowledged it.</summary>
    AlarmAlreadyAcknowledged,

    /// <summary>Beyond the account's organisation or role (<see cref="Organisations.AccessScope"/>). <see cref="Refusal.Detail"/>: the organisation's id.</summary>
    OutsideScope,
}

/// <param name="Detail">The one particular the words need (a department, a case id, a level), as the code's summary says.</param>
public sealed record Refusal(RefusalCode Code, string? Detail = null);
