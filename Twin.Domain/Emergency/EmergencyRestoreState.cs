namespace Twin.Domain.Emergency;

/// <summary>
/// What the store hands back for 平急融合: the current mode, the open proposals, the running
/// incident's checklist and the live stock (items the store never saw keep the data file's quantity).
/// </summary>
public sealed record EmergencyRestoreState(
    OperatingMode Mode,
    IReadOnlyList<ModeProposal> OpenProposals,
    long NextProposalNumber,
    IReadOnlyList<ChecklistStep> Checklist,
    IReadOnlyList<StockLevel> Stock)
{
    public static EmergencyRestoreState Daily { get; } = new(OperatingMode.Daily(DateTimeOffset.MinValue), [], 1, [], []);
}
