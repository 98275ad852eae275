using CommandCenter.Configuration;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;

namespace CommandCenter.Officers;

/// <summary>
/// The console's way to act on 平急融合: the mode, proposals, the plan's checklist and supplies,
/// each as the signed-in person in their role. Changing the mode or deciding a proposal needs a
/// supervisor or a leader; ticking steps and moving stock needs a role that acts on tickets.
/// A refused action is audited here before it reaches the writer. Answered by the security
/// folder's <c>EmergencyCommands</c>.
/// </summary>
public interface IEmergencyCommands
{
    Task<EmergencyPowers> PowersAsync();

    Task<CommandOutcome> StartAsync(EmergencyType type, ResponseLevel level, string reason, CancellationToken ct = default);

    Task<CommandOutcome> ChangeLevelAsync(ResponseLevel level, string reason, CancellationToken ct = default);

    Task<CommandOutcome> EndAsync(string reason, CancellationToken ct = default);

    /// <summary>Accepts a proposal; the reason is recorded as the decision's note and the mode change's reason.</summary>
    Task<CommandOutcome> ConfirmAsync(string proposalId, string reason, CancellationToken ct = default);

    Task<CommandOutcome> DismissAsync(string proposalId, string reason, CancellationToken ct = default);

    Task<CommandOutcome> CompleteStepAsync(string stepId, string note, CancellationToken ct = default);

    /// <summary>Puts a daily scene on every wall (supervisor, leader); refused while an emergency holds the walls.</summary>
    Task<CommandOutcome> PushSceneAsync(WallScene scene);

    Task<CommandOutcome> MoveStockAsync(string depotId, string item, StockMovementKind kind, int quantity, string note, CancellationToken ct = default);
}

/// <param name="ChangeMode">Start, raise, lower or end an emergency and decide proposals (supervisor, leader).</param>
/// <param name="Work">Tick checklist steps and draw or restock supplies (officer, supervisor).</param>
public sealed record EmergencyPowers(bool ChangeMode, bool Work);
