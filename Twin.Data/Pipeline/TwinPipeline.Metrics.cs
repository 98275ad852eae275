using Twin.Data.Boundary;
using Twin.Data.Diagnostics;
using Twin.Domain.Engine;

namespace Twin.Data.Pipeline;

/// <summary>What the writer tells the outside about itself: its metrics and whether its writes reach the store.</summary>
public sealed partial class TwinPipeline
{
    private readonly TwinMetrics? _metrics;

    /// <summary>Failing from a failed write (or rebuild) until the next write succeeds; the readiness check reads it.</summary>
    public StoreWriteHealth WriteHealth { get; } = new();

    private void CountFailed(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            _metrics?.PipelineInput(pending.Command.GetType().Name, "failed");
        }
    }

    /// <summary>Counts each input of a written batch by what became of it.</summary>
    private void CountWritten(List<Pending> batch, InputResult[] results, StoredKey?[] found, int[] replayOf, HashSet<int> faulted)
    {
        if (_metrics is null)
        {
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = faulted.Contains(i) ? "failed"
                : found[i] is not null || replayOf[i] >= 0 ? "replayed"
                : results[i].Accepted ? "applied" : "refused";
            _metrics.PipelineInput(batch[i].Command.GetType().Name, outcome);
        }
    }
}
