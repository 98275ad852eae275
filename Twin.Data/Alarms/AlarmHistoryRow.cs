using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace Twin.Data.Alarms;

/// <summary>One change of an alarm, append-only: raised, escalated, acknowledged or cleared.</summary>
public sealed class AlarmHistoryRow
{
    public long Id { get; set; }

    public required string AlarmId { get; set; }

    public AlarmChange Change { get; set; }

    public DateTimeOffset At { get; set; }

    public AlarmSeverity Severity { get; set; }

    public string? Actor { get; set; }

    /// <summary>The officer's note of an acknowledgement.</summary>
    public string? Note { get; set; }

    public AlarmHistoryEntry ToEntry() => new(AlarmId, Change, At, Severity, Actor, Note);
}

/// <summary>One change of an alarm as read back from its history.</summary>
public sealed record AlarmHistoryEntry(string AlarmId, AlarmChange Change, DateTimeOffset At, AlarmSeverity Severity, string? Actor, string? Note = null);
