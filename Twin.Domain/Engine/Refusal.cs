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

    /// <summary>The account's role may not act on tickets, alarms or drones (the role check in front of the engine).</summary>
    RoleMayNotAct,

    /// <summary>Only a supervisor or a leader changes the operating mode (平急 switch, wall scene).</summary>
    RoleMayNotChangeMode,

    /// <summary>The account's role may not work the contingency plan's checklist or the supplies.</summary>
    RoleMayNotWorkPlan,

    /// <summary>The account's role may not present on the wall.</summary>
    RoleMayNotPresent,

    /// <summary>During an emergency the walls hold the emergency scene (its panels may be highlighted).</summary>
    EmergencyHoldsWall,
    NoEmergencyRunning,

    /// <summary><see cref="Refusal.Detail"/>: the panel asked for, which the scene on the walls does not show.</summary>
    NoSuchPanel,

    /// <summary>Ending a presentation when the walls are not being presented.</summary>
    NotPresenting,

    /// <summary><see cref="Refusal.Detail"/>: the case the alarm already is.</summary>
    AlarmAlreadyCase,

    /// <summary>An outside (CAP) warning covers an area: the cases it brings are filed one by one.</summary>
    AlarmCoversArea,

    /// <summary>No category of the catalogue files alarms of this kind.</summary>
    NoCategoryForAlarm,

    /// <summary><see cref="Refusal.Detail"/>: who it is assigned to.</summary>
    AlarmAlreadyAssigned,

    /// <summary><see cref="Refusal.Detail"/>: the name given, which the catalogue does not list.</summary>
    UnknownDepartment,

    /// <summary><see cref="Refusal.Detail"/>: the drone id given.</summary>
    UnknownDrone,
    DroneLinkLost,

    /// <summary><see cref="Refusal.Detail"/>: the least battery a mission needs, in per cent.</summary>
    DroneBatteryLow,

    /// <summary><see cref="Refusal.Detail"/>: the mission it is flying.</summary>
    DroneBusy,

    /// <summary>The mission's target (a ticket, an alarm, a waypoint) is not open or lies outside the operating area.</summary>
    NoMissionTarget,
    UnknownMission,

    /// <summary>The mission cannot move to that state from the one it is in.</summary>
    MissionStateNotAllowed,

    /// <summary>Evidence goes only on an open ticket.</summary>
    TicketNotOpen,

    /// <summary>Evidence must be one JPEG image within the size limit.</summary>
    EvidenceNotAnImage,
}

/// <param name="Detail">The one particular the words need (a department, a case id, a level), as the code's summary says.</param>
public sealed record Refusal(RefusalCode Code, string? Detail = null);
