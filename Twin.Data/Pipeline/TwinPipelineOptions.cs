namespace Twin.Data.Pipeline;

public sealed class TwinPipelineOptions
{
    /// <summary>Most inputs applied and written in one transaction.</summary>
    public int MaxBatch { get; set; } = 5000;

    /// <summary>Inputs waiting for the writer; beyond it SubmitAsync waits and TryPost refuses.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Most posted (unacknowledged) inputs waiting at once; beyond it TryPost refuses, and the
    /// poster is expected to submit and wait. It bounds how long an acknowledged input (an officer's
    /// action, an API call) queues behind the simulator's readings: about one batch.
    /// </summary>
    public int PostedBacklog { get; set; } = 5000;

    /// <summary>
    /// Least time between two rebuilt snapshots when only sensors changed (building one allocates
    /// the whole picture); ticket and alarm changes rebuild at once.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
