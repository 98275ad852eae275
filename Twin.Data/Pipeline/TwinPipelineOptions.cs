namespace Twin.Data.Pipeline;

public sealed class TwinPipelineOptions
{
    /// <summary>Most inputs applied and written in one transaction.</summary>
    public int MaxBatch { get; set; } = 5000;

    /// <summary>Inputs waiting for the writer; beyond it SubmitAsync waits and TryPost refuses.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Least time between two rebuilt snapshots when only sensors changed (building one allocates
    /// the whole picture); ticket and alarm changes rebuild at once.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
