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

    /// <summary>Ticking a checklist step or moving stock needs a note (what was done; where supplies go or came from).</summary>
    NeedsNote,

    /// <summary>The running plan holds no such checklist step (its level changed or it ended). <see cref="Refusal.Detail"/>: the step's id.</summary>
    UnknownChecklistStep,

    /// <summary><see cref="Refusal.Detail"/>: the step's <see cref="Emergency.ChecklistStepStatus"/> name (Done, Withdrawn).</summary>
    ChecklistStepNotPending,

    /// <summary>A stock movement needs a quantity above 0 and a known kind.</summary>
    QuantityOutOfRange,

    /// <summary><see cref="Refusal.Detail"/>: the item, which the depot does not keep.</summary>
    DepotDoesNotKeepItem,

    /// <summary>A draw beyond the depot's stock. <see cref="Refusal.Detail"/>: how many it holds.</summary>
    NotEnoughStock,

    /// <summary>A restock beyond what the depot's count can hold.</summary>
    StockFull,

    /// <summary>A proposal needs a source, a reference and a reason.</summary>
    ProposalIncomplete,

    /// <summary>An emergency type or response level the plans do not know.</summary>
    UnknownEmergencyLevel,

    /// <summary>The mode already covers the proposal, or the same proposal is open.</summary>
    ProposalAlreadyCovered,

    /// <summary>The proposal is no longer open (decided, covered, or never made). <see cref="Refusal.Detail"/>: its id.</summary>
    UnknownProposal,

    /// <summary>An emergency of another type runs. <see cref="Refusal.Detail"/>: that <see cref="Emergency.EmergencyType"/>'s name.</summary>
    OtherEmergencyRunning,

    /// <summary>The emergency is already at the level asked for. <see cref="Refusal.Detail"/>: the <see cref="Emergency.ResponseLevel"/>'s name.</summary>
    AlreadyAtLevel,

    /// <summary>The emergency already runs at or above the proposal's level. <see cref="Refusal.Detail"/>: the running <see cref="Emergency.ResponseLevel"/>'s name.</summary>
    ProposalNotAboveLevel,

    /// <summary><see cref="Refusal.Detail"/>: the running incident's id.</summary>
    EmergencyAlreadyRunning,

    /// <summary><see cref="Refusal.Detail"/>: the <see cref="Emergency.EmergencyType"/>'s name, for which no plan exists.</summary>
    NoPlanForEmergency,

    /// <summary>A field report's idempotency key is missing or malformed.</summary>
    FieldReportKeyInvalid,

    /// <summary>A field report comes while the case is handled (after 接单). <see cref="Refusal.Detail"/>: the <see cref="Tickets.TicketStatus"/> name it has.</summary>
    FieldReportNeedsHandling,

    /// <summary><see cref="Refusal.Detail"/>: the longest note, in characters.</summary>
    FieldReportNoteLength,

    /// <summary><see cref="Refusal.Detail"/>: the most photos a report holds.</summary>
    TooManyPhotos,

    /// <summary>A photo that is not a JPEG or PNG within the size limit, of the type it claims. <see cref="Refusal.Detail"/>: its number, from 1.</summary>
    PhotoNotAccepted,

    /// <summary>改派 names one department (not none, not several).</summary>
    NameOneDepartmentToReassignTo,
}

/// <param name="Detail">The one particular the words need (a department, a case id, a level), as the code's summary says.</param>
public sealed record Refusal(RefusalCode Code, string? Detail = null);
