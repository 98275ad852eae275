using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>A proposal to enter or raise an emergency and, once decided, who decided it and why.</summary>
public sealed class ModeProposalRow
{
    public required string Id { get; set; }

    public required string Source { get; set; }

    public required string SourceRef { get; set; }

    public EmergencyType Type { get; set; }

    public ResponseLevel Level { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public ProposalStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public ModeProposal ToProposal() => new(Id, Source, SourceRef, Type, Level, Reason, ProposedAt, Status, DecidedBy, DecidedAt, DecisionNote);
}
