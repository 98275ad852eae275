using Twin.Domain.Engine;

namespace Twin.Data.Boundary;

/// <summary>
/// The one way into the twin. Every input goes through the single writer: it waits until the
/// twin has started, is applied in arrival order, checked against its idempotency key inside the
/// writer (so two copies of one request cannot both create), and answered once on disk.
/// </summary>
public interface ITwinCommands
{
    /// <summary>Submits one input and answers once the batch holding it is committed.</summary>
    Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default);

    /// <summary>
    /// Submits several inputs at once, in order, so they share the writer's batches (one fsync, not
    /// one each); the answers are in the same order.
    /// </summary>
    Task<IReadOnlyList<CommandOutcome>> SubmitAllAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct = default);

    /// <summary>
    /// Queues an input without waiting (the simulators'): applied in order like any other, but
    /// nobody learns its outcome. False when the writer's backlog of such inputs is full.
    /// </summary>
    bool TryPost(TwinCommand command);
}
