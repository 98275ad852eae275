using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace CommandCenter.Alarms;

/// <summary>
/// <c>Twin:Alarms:Escalation:&lt;severity&gt;</c>: how many minutes after it was raised an
/// unacknowledged alarm goes to the supervisor, then the leader on duty (0 = never that far).
/// </summary>
public sealed class AlarmEscalationOptions
{
    public const string Section = "Twin:Alarms:Escalation";

    public EscalationMinutes Critical { get; set; } = new() { SupervisorMinutes = 5, LeaderMinutes = 15 };

    public EscalationMinutes Major { get; set; } = new() { SupervisorMinutes = 15, LeaderMinutes = 60 };

    public EscalationMinutes Minor { get; set; } = new() { SupervisorMinutes = 60, LeaderMinutes = 240 };

    public EscalationMinutes Info { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        foreach (var (severity, minutes) in BySeverity())
        {
            var key = $"{Section}:{severity}";
            if (minutes.SupervisorMinutes < 0 || minutes.LeaderMinutes < 0)
            {
                yield return $"{key}: minutes cannot be negative (0 = never).";
            }
            else if (minutes is { SupervisorMinutes: > 0, LeaderMinutes: > 0 } && minutes.LeaderMinutes <= minutes.SupervisorMinutes)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{key}:LeaderMinutes ({minutes.LeaderMinutes}) must come after SupervisorMinutes ({minutes.SupervisorMinutes}).");
            }
        }
    }

    public AlarmEscalationRules ToRules() => new()
    {
        Critical = Critical.ToTimers(),
        Major = Major.ToTimers(),
        Minor = Minor.ToTimers(),
        Info = Info.ToTimers(),
    };

    private IEnumerable<(AlarmSeverity, EscalationMinutes)> BySeverity() =>
        [(AlarmSeverity.Critical, Critical), (AlarmSeverity.Major, Major), (AlarmSeverity.Minor, Minor), (AlarmSeverity.Info, Info)];
}

public sealed class EscalationMinutes
{
    public double SupervisorMinutes { get; set; }

    public double LeaderMinutes { get; set; }

    public AlarmEscalationTimers ToTimers() => new(Timer(SupervisorMinutes), Timer(LeaderMinutes));

    private static TimeSpan? Timer(double minutes) => minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
}
