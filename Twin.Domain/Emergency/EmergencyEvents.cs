using Twin.Domain.Engine;

namespace Twin.Domain.Emergency;

public sealed record ModeChanged(long Sequence, DateTimeOffset At, ModeChange Change, OperatingMode Mode) : TwinEvent(Sequence, At);

public sealed record ModeProposalChanged(long Sequence, DateTimeOffset At, ModeProposal Proposal) : TwinEvent(Sequence, At);

/// <summary>A checklist step started, was ticked, rose in 督办 (the UI and notifications treat it like an overdue ticket) or was withdrawn.</summary>
public sealed record ChecklistStepChanged(long Sequence, DateTimeOffset At, ChecklistStep Step, ChecklistChange Change) : TwinEvent(Sequence, At);

public sealed record StockMoved(long Sequence, DateTimeOffset At, StockMovement Movement, StockLevel Stock) : TwinEvent(Sequence, At);
