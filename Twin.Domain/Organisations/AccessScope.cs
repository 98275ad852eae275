using System.Collections.Immutable;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Organisations;

/// <summary>What a signed-in account does in the loop: a wall and a leader only look.</summary>
public enum AccessRole
{
    Wall,
    Officer,
    Supervisor,
    Leader,
}

/// <summary>
/// What one account may see and do, derived from its organisation and role: the one place the rules
/// of scope live. The engine checks every command that carries a scope against it (so the check and
/// the change see the same state); queries, the hub, exports and search filter by it. The centre
/// sees the whole district; a department its inbox (cases dispatched to it or co-assigned, alarms
/// assigned to it); a 街镇 its own area. 审核, 督办, reassigning and reopening are a supervisor's.
/// </summary>
public sealed record AccessScope(Organisation Organisation, AccessRole Role)
{
    /// <summary>The centre's officer: what the console had before organisations (tests, tools).</summary>
    public static AccessScope CentreOfficer { get; } = new(Organisation.Centre, AccessRole.Officer);

    public bool SeesAll => Organisation.Kind == OrganisationKind.Centre;

    /// <summary>Screens that see the same things share this key (the hub's group): the organisation, or everything.</summary>
    public string ViewKey => SeesAll ? Organisation.CentreId : Organisation.Id;

    public bool MayAct => Role is AccessRole.Officer or AccessRole.Supervisor;

    /// <summary>The 街镇 (its code) this scope keeps to; null for the centre and a department, which see the whole district's map.</summary>
    public string? Area => Organisation.Kind == OrganisationKind.SubDistrict ? Organisation.SubDistrictCode : null;

    public bool Sees(TicketState ticket) => Organisation.Kind switch
    {
        OrganisationKind.Centre => true,
        OrganisationKind.SubDistrict => ticket.SubDistrictCode == Organisation.SubDistrictCode,
        _ => IsLead(ticket) || ticket.CoordinatingDepartmentList.Contains(Organisation.NameZh),
    };

    public bool Sees(AlarmState alarm) => Organisation.Kind switch
    {
        OrganisationKind.Centre => true,
        OrganisationKind.SubDistrict => alarm.SubDistrictCode == Organisation.SubDistrictCode,
        _ => alarm.AssigneeKind == AlarmAssigneeKind.Department && alarm.AssignedTo == Organisation.NameZh,
    };

    /// <summary>Sensors are the district's shared infrastructure; a 街镇 keeps to its own area's.</summary>
    public bool Sees(SensorState sensor) =>
        Organisation.Kind != OrganisationKind.SubDistrict || sensor.SubDistrictCode == Organisation.SubDistrictCode;

    /// <summary>Whether this account may take <paramref name="action"/> on <paramref name="ticket"/> (the loop's rules decide whether it is legal now).</summary>
    public bool May(DispatchAction action, TicketState ticket)
    {
        if (!MayAct || !Sees(ticket) || (IsSupervisorOnly(action) && Role != AccessRole.Supervisor))
        {
            return false;
        }

        return Organisation.Kind switch
        {
            OrganisationKind.Centre => true,
            OrganisationKind.SubDistrict => !IsDepartmentStep(action),
            _ => IsLead(ticket) ? IsDepartmentStep(action) : action == DispatchAction.RecordHandling,
        };
    }

    /// <summary>
    /// What this account's people go out to on the field view (一线通达): the cases it leads while they
    /// wait for 接单, are handled or are in review — and, for a 街镇, every reported case of its area
    /// not yet filed (待核实): its 网格员 go and look, then file it or close it as not found. The
    /// centre's accounts see every dispatched case.
    /// </summary>
    public bool IsFieldTask(TicketState ticket)
    {
        var handled = ticket.Status is TicketStatus.Dispatched or TicketStatus.Handling or TicketStatus.Review;
        return Organisation.Kind switch
        {
            OrganisationKind.Centre => handled,
            OrganisationKind.SubDistrict => Sees(ticket) && (ticket.Status == TicketStatus.Discovered || (handled && IsLead(ticket))),
            _ => handled && IsLead(ticket),
        };
    }

    /// <summary>Acknowledging an alarm it sees; filing it as a case and assigning it are the dispatchers' (centre and 街镇).</summary>
    public bool MayAcknowledge(AlarmState alarm) => MayAct && Sees(alarm);

    public bool MayDispatchAlarm(AlarmState alarm) => MayAcknowledge(alarm) && Organisation.Kind != OrganisationKind.Department;

    /// <summary>Drones, emergency modes and sensors: the command hall's, so an account of the centre that acts.</summary>
    public bool MayCommandHall => SeesAll && MayAct;

    /// <summary>Filing a new case at the desk: the dispatchers', not a department's.</summary>
    public bool MayReport => MayAct && Organisation.Kind != OrganisationKind.Department;

    /// <summary>The part of <paramref name="snapshot"/> this account sees; district-wide figures (vital signs, 评效) stay as they are.</summary>
    public TwinSnapshot View(TwinSnapshot snapshot) => SeesAll ? snapshot : snapshot with
    {
        Tickets = snapshot.Tickets.Where(Sees).ToImmutableArray(),
        ActiveAlarms = snapshot.ActiveAlarms.Where(Sees).ToImmutableArray(),
        Sensors = snapshot.Sensors.Where(Sees).ToImmutableArray(),
    };

    /// <summary>审核, 督办, reassigning and reopening: a supervisor's decisions over others' work.</summary>
    public static bool IsSupervisorOnly(DispatchAction action) =>
        action is DispatchAction.Approve or DispatchAction.Reject or DispatchAction.Supervise or DispatchAction.Reassign or DispatchAction.Reopen;

    /// <summary>What the department a case is dispatched to does with it: 接单, 处置反馈, 提交审核, 退单.</summary>
    public static bool IsDepartmentStep(DispatchAction action) =>
        action is DispatchAction.Accept or DispatchAction.RecordHandling or DispatchAction.SubmitForReview or DispatchAction.Refuse;

    private bool IsLead(TicketState ticket) => ticket.Department == Organisation.NameZh;
}
