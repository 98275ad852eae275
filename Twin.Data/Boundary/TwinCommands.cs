using Twin.Data.Pipeline;
using Twin.Domain.Engine;

namespace Twin.Data.Boundary;

/// <summary><see cref="ITwinCommands"/> over the single-writer pipeline, waiting for the twin to start first.</summary>
public sealed class TwinCommands(TwinPipeline pipeline, TwinReadiness readiness) : ITwinCommands
{
    public async Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await pipeline.SubmitAsync(command, ct);
    }

    public async Task<IReadOnlyList<CommandOutcome>> SubmitAllAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);

        // Queued in order before any is awaited, so they share the writer's batches.
        var pending = commands.Select(c => pipeline.SubmitAsync(c, ct).AsTask()).ToList();
        return await Task.WhenAll(pending);
    }

    public bool TryPost(TwinCommand command) => pipeline.TryPost(command);
}
