using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>A person opened a ticket in the console: from now on it is theirs, not simulated staff's.</summary>
public sealed record MarkTicketViewedCommand(string TicketId, string By) : TwinCommand;

/// <summary>A person opened an alarm: simulated staff no longer acknowledge it.</summary>
public sealed record MarkAlarmViewedCommand(string AlarmId, string By) : TwinCommand;

/// <summary>
/// Claims: once a person has opened or acted on a ticket or an alarm, simulated staff leave it
/// alone. The engine, not only the simulator, enforces it, because the simulator decides from a
/// snapshot that may be older than the person's action. A ticket's claim is a step of its history
/// (<see cref="TicketHistoryFacts.ClaimNote"/>), an alarm's a <see cref="AlarmChange.Claimed"/>
/// change, so both survive a restart.
/// </summary>
public sealed partial class TwinEngine
{
    public InputResult MarkTicketViewed(string ticketId, string by)
    {
        if (!_tickets.TryGetValue(ticketId ?? string.Empty, out var ticket))
        {
            return InputResult.Refused($"Unknown ticket '{ticketId}'.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: opening it needs the officer's name.");
        }

        ClaimTicket(ticket, by.Trim(), Now);
        return InputResult.Ok;
    }

    public InputResult MarkAlarmViewed(string alarmId, string by)
    {
        if (!_activeAlarms.TryGetValue(alarmId ?? string.Empty, out var alarm))
        {
            return InputResult.Refused($"No active alarm '{alarmId}'.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return InputResult.Refused($"Alarm {alarm.Id}: opening it needs the officer's name.");
        }

        if (alarm.ClaimedBy is null && !alarm.IsAcknowledged)
        {
            var claimed = alarm with { ClaimedBy = by.Trim() };
            _activeAlarms[alarm.Id] = claimed;
            _pendingEvents.Add(new AlarmChanged(NextEventSequence(), Now, claimed, AlarmChange.Claimed, claimed.ClaimedBy));
            Version++;
        }

        return InputResult.Ok;
    }

    /// <summary>The first time a person touches the ticket, a step of its own records that they took it over.</summary>
    private TicketState ClaimTicket(TicketState ticket, string by, DateTimeOffset now)
    {
        if (ticket.IsClaimed)
        {
            return ticket;
        }

        Commit(ticket, ticket with { ClaimedBy = by }, by, TicketHistoryFacts.ClaimNote(by), now);
        return _tickets[ticket.Id];
    }

    private static InputResult RefusedToSimulatedStaff(string what, string claimedBy) =>
        InputResult.Refused($"{what} is worked by {claimedBy}; simulated staff leave it alone.");
}
