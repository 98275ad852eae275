using Twin.Domain.Engine;

namespace Twin.Domain.Emergency;

/// <summary>Starts an emergency of <see cref="Type"/> at <see cref="Level"/> from the daily mode.</summary>
public sealed record StartEmergencyCommand(EmergencyType Type, ResponseLevel Level, string Actor, OfficerRole Role, string Reason) : TwinCommand;

/// <summary>Raises or lowers the running emergency's level.</summary>
public sealed record ChangeResponseLevelCommand(ResponseLevel Level, string Actor, OfficerRole Role, string Reason) : TwinCommand;

/// <summary>Stands the emergency down: back to the daily mode.</summary>
public sealed record EndEmergencyCommand(string Actor, OfficerRole Role, string Reason) : TwinCommand;

/// <summary>A system (CAP, a gauge) suggests a mode; see <see cref="ModeProposal"/>.</summary>
public sealed record ProposeModeCommand(string Source, string SourceRef, EmergencyType Type, ResponseLevel Level, string Reason) : TwinCommand;

/// <summary>A person accepts a proposal: the emergency starts, or is raised to the proposed level.</summary>
public sealed record ConfirmProposalCommand(string ProposalId, string Actor, OfficerRole Role, string? Note = null) : TwinCommand;

public sealed record DismissProposalCommand(string ProposalId, string Actor, OfficerRole Role, string Reason) : TwinCommand;

/// <summary>An officer ticks a checklist step of the running plan, with a note of what was done.</summary>
public sealed record CompleteChecklistStepCommand(string StepId, string Actor, string Note) : TwinCommand;

/// <summary>Supplies taken out of a depot (<see cref="StockMovementKind.Draw"/>) or put back in (<see cref="StockMovementKind.Restock"/>).</summary>
public sealed record MoveStockCommand(string DepotId, string Item, StockMovementKind Kind, int Quantity, string Actor, string Note) : TwinCommand;
