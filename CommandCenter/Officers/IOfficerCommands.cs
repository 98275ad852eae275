using Twin.Data.Boundary;
using Twin.Domain.Engine;

namespace CommandCenter.Officers;

/// <summary>
/// The console's way into the twin: <see cref="ITwinCommands"/> behind the role check. An action
/// the signed-in role may not take is refused (<see cref="CommandOutcome.Forbidden"/>) and audited
/// here, in one place, before it reaches the writer. Answered by the security folder's <c>OfficerCommands</c>.
/// </summary>
public interface IOfficerCommands
{
    /// <summary>Whether the signed-in person may act, so a page offers only what they may do.</summary>
    Task<bool> MayActAsync();

    Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default);
}
