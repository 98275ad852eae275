using Twin.Data.Nodes;
using Twin.Data.Pipeline;
using Twin.Domain.Engine;

namespace Twin.Data.Boundary;

/// <summary>
/// <see cref="ITwinCommands"/> over the single-writer pipeline, waiting for the twin to start first.
/// On a node that is not the writer (two or more nodes on PostgreSQL, docs/two-nodes.md) commands
/// are handed to the writer through the <see cref="CommandInbox"/> and answered once it committed them.
/// </summary>
public sealed class TwinCommands(TwinPipeline pipeline, TwinReadiness readiness, NodeRole role, CommandInbox? inbox = null) : ITwinCommands
{
    public async Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return HandedOff ? (await inbox!.HandOffAsync([command], ct))[0] : await pipeline.SubmitAsync(command, ct);
    }

    public async Task<IReadOnlyList<CommandOutcome>> SubmitAllAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        if (HandedOff)
        {
            return await inbox!.HandOffAsync(commands, ct);
        }

        // Queued in order before any is awaited, so they share the writer's batches.
        var pending = commands.Select(c => pipeline.SubmitAsync(c, ct).AsTask()).ToList();
        return await Task.WhenAll(pending);
    }

    /// <summary>Refused on a follower: whoever posts (the simulators run on the writer only) submits and waits instead.</summary>
    public bool TryPost(TwinCommand command) => !HandedOff && pipeline.TryPost(command);

    private bool HandedOff => inbox is not null && !role.IsWriting;
}
