using Twin.Domain.Dispatch;
using Twin.Domain.Field;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>
/// Scope, checked inside the writer: a command a person sends carries their <see cref="AccessScope"/>,
/// and is refused here when it reaches beyond it, judged against the case as it is when the change
/// would apply (a case reassigned a moment ago is no longer the old department's).
/// </summary>
public sealed partial class TwinEngine
{
    private InputResult? OutOfScope(TwinCommand command, AccessScope scope)
    {
        var allowed = command switch
        {
            // An unknown target is left to the loop's own refusal, which names the id given.
            MergeTicketCommand c => MayOnTicket(scope, c) && (!_tickets.TryGetValue(c.IntoTicketId ?? string.Empty, out var into) || scope.Sees(into)),
            DispatchCommand c => MayOnTicket(scope, c),
            SubmitFieldReportCommand c => !_tickets.TryGetValue(c.TicketId ?? string.Empty, out var handled) || scope.May(DispatchAction.SubmitForReview, handled),
            MarkTicketViewedCommand c => _tickets.TryGetValue(c.TicketId, out var viewed) && scope.Sees(viewed),
            ReportTicketCommand => scope.MayReport,
            AcknowledgeAlarmCommand c => _activeAlarms.TryGetValue(c.AlarmId, out var alarm) && scope.MayAcknowledge(alarm),
            MarkAlarmViewedCommand c => _activeAlarms.TryGetValue(c.AlarmId, out var alarm) && scope.Sees(alarm),
            FileCaseFromAlarmCommand c => _activeAlarms.TryGetValue(c.AlarmId, out var alarm) && scope.MayDispatchAlarm(alarm),
            AssignAlarmCommand c => _activeAlarms.TryGetValue(c.AlarmId, out var alarm) && scope.MayDispatchAlarm(alarm),

            // Everything else (drones, emergency modes, sensors) is the command hall's.
            _ => scope.MayCommandHall,
        };
        return allowed
            ? null
            : InputResult.Denied(
                $"{command.GetType().Name} is outside the scope of {scope.Organisation.Id} ({scope.Role}).",
                new Refusal(RefusalCode.OutsideScope, scope.Organisation.Id));
    }

    /// <summary>An unknown ticket is left to the loop's own refusal (it names the id); a known one must be in scope.</summary>
    private bool MayOnTicket(AccessScope scope, DispatchCommand command) =>
        !_tickets.TryGetValue(command.TicketId ?? string.Empty, out var ticket) || scope.May(command.Action, ticket);

    /// <summary>改派: the new department starts afresh (接单 again); the one it leaves stops seeing it, as do its coordinators.</summary>
    private InputResult Reassign(TicketState ticket, string? department, string reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(department) || department.Contains(TicketState.DepartmentSeparator, StringComparison.Ordinal))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: name one department to reassign to.", new(RefusalCode.NameOneDepartmentToReassignTo));
        }

        var owner = department.Trim();
        if (owner == ticket.Department)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: it is already with {owner}.", new(RefusalCode.DepartmentAlreadyOnIt, owner));
        }

        var updated = EnterStep(ticket, TicketStatus.Dispatched, now) with
        {
            Department = owner,
            CoordinatingDepartments = string.Empty,
        };
        return Commit(ticket, updated, by, $"改派：由{ticket.Department}改派至{owner}，{reason}", now);
    }

}
