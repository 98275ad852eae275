using Twin.Domain.Alarms;
using Twin.Domain.Tickets;

namespace Twin.Domain.Emergency;

/// <summary>One change of a checklist step, for the after-action timeline.</summary>
public sealed record ChecklistEntry(string StepId, ChecklistChange Change, DateTimeOffset At, int SupervisionLevel, string? Actor, string? Note);

/// <summary>
/// 复盘: what happened during one incident, from its start to its stand-down (or now, while it
/// runs). Tickets are those reported and alarms those raised in that window; personal data is
/// masked as in any ticket state.
/// </summary>
public sealed record AfterActionReport(
    string IncidentId,
    EmergencyType Type,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ResponseLevel HighestLevel,
    IReadOnlyList<ModeChange> Timeline,
    IReadOnlyList<ModeProposal> Proposals,
    IReadOnlyList<ChecklistStep> Steps,
    IReadOnlyList<ChecklistEntry> StepHistory,
    IReadOnlyList<TicketState> Tickets,
    IReadOnlyList<AlarmState> Alarms,
    IReadOnlyList<StockMovement> StockMovements);

/// <summary>One incident in the list of past and running emergencies.</summary>
public sealed record IncidentSummary(string IncidentId, EmergencyType Type, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, ResponseLevel HighestLevel);
