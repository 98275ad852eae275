namespace Twin.Data.Pipeline;

public sealed class TwinPipelineOptions
{
    /// <summary>
    /// Most inputs applied and written in one transaction. It bounds how long a person's change of
    /// mode (which goes first) waits for the batch in flight: 1,000 readings write in about 0.1 s at
    /// the store's 10.7 k rows/s (bench/RESULTS.md). With 5,000 a supervisor's confirm took 1.45 s
    /// from its arrival to its commit in the browser test; with 1,000, 0.65 s at load average 70-90
    /// (issue 17's walls within 2 s). One fsync per thousand rows costs little of the throughput.
    /// </summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>Inputs waiting for the writer; beyond it SubmitAsync waits and TryPost refuses.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Most posted (unacknowledged) inputs waiting at once; beyond it TryPost refuses, and the
    /// poster is expected to submit and wait. It bounds how long an acknowledged input (an officer's
    /// action, an API call) queues behind the simulator's readings: about one batch.
    /// </summary>
    public int PostedBacklog { get; set; } = 1000;

    /// <summary>
    /// Least time between two rebuilt snapshots when only sensors changed (building one allocates
    /// the whole picture); ticket and alarm changes rebuild at once.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
