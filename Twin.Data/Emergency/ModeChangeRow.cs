using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>One change of the operating mode, append-only: the history a restart rebuilds the mode from.</summary>
public sealed class ModeChangeRow
{
    public long Id { get; set; }

    public required string IncidentId { get; set; }

    public ModeChangeKind Kind { get; set; }

    public EmergencyType Type { get; set; }

    public ResponseLevel Level { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public OfficerRole Role { get; set; }

    public required string Reason { get; set; }

    public string? ProposalId { get; set; }

    public ModeChange ToChange() => new(IncidentId, Kind, Type, Level, At, Actor, Role, Reason, ProposalId);
}
