namespace Twin.Data.Nodes;

/// <summary>A batch of a writer that another node has replaced (<see cref="WriterFence"/>): rolled back, nothing of it written.</summary>
public sealed class WriterFencedException(long epoch, long current)
    : Exception($"This node wrote as writer {epoch}, but writer {current} has taken over: the batch is rolled back and this node stops.")
{
    public long Epoch { get; } = epoch;

    public long Current { get; } = current;
}
