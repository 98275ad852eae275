using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>
/// A change the engine made, in the order it made it. Events carry only masked personal data:
/// the host persists raw reporter details from the accepted input, never from an event.
/// </summary>
public abstract record TwinEvent(long Sequence, DateTimeOffset At);

public sealed record SensorRegistered(long Sequence, DateTimeOffset At, SensorState Sensor) : TwinEvent(Sequence, At);

/// <summary>A sensor taken out of service (its Thing deleted): gone from the twin, its readings and rollups with it.</summary>
public sealed record SensorRemoved(long Sequence, DateTimeOffset At, SensorState Sensor, string Actor) : TwinEvent(Sequence, At);

/// <summary>A sensor's name or report interval changed (its Thing or Datastream updated); its state is kept.</summary>
public sealed record SensorDefinitionChanged(long Sequence, DateTimeOffset At, SensorState Sensor) : TwinEvent(Sequence, At);

/// <summary>A sensor's levels changed by <paramref name="Actor"/> (an admin); <paramref name="Previous"/> for the record.</summary>
public sealed record SensorThresholdsChanged(long Sequence, DateTimeOffset At, SensorState Sensor, Thresholds Previous, string Actor) : TwinEvent(Sequence, At);

public sealed record SensorHealthChanged(long Sequence, DateTimeOffset At, SensorState Sensor, SensorHealth Previous) : TwinEvent(Sequence, At);

public sealed record TicketChanged(long Sequence, DateTimeOffset At, TicketState Ticket, TicketTransition Transition) : TwinEvent(Sequence, At);

public enum AlarmChange
{
    Raised,
    Escalated,
    Acknowledged,
    Cleared,

    /// <summary>A person opened the alarm; simulated staff leave it alone from then on.</summary>
    Claimed,

    /// <summary>Filed as a case (立案), by a person or by the catalogue's 自动立案 rule; <see cref="AlarmState.CaseId"/> names it.</summary>
    FiledAsCase,

    /// <summary>Given to a person or a department to deal with.</summary>
    Assigned,

    /// <summary>Left unacknowledged past its severity's timer: raised to the supervisor, then the leader on duty.</summary>
    DutyEscalated,
}

/// <param name="Note">what the change's history row says beyond its kind (an acknowledgement's note is on the alarm).</param>
public sealed record AlarmChanged(long Sequence, DateTimeOffset At, AlarmState Alarm, AlarmChange Change, string? Actor, string? Note = null) : TwinEvent(Sequence, At);

/// <summary>An AI alarm's snapshot, stored beside the alarm (written after its Raised change, before any case it is filed as).</summary>
public sealed record AlarmSnapshotTaken(long Sequence, DateTimeOffset At, AlarmSnapshot Snapshot) : TwinEvent(Sequence, At);
