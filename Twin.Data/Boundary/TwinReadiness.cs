using Twin.Data.History;

namespace Twin.Data.Boundary;

/// <summary>
/// Whether the twin has started: <see cref="Ready"/> completes once the engine is rebuilt from the
/// store and the writer runs, or fails with the reason it could not start. Set by the host only.
/// </summary>
public sealed class TwinReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public bool IsRunning { get; private set; }

    /// <summary>How far a first run's warm start has got; null when none ran (or none is running yet).</summary>
    public WarmStartProgress? WarmStart { get; private set; }

    public void ReportWarmStart(WarmStartProgress progress) => WarmStart = progress;

    public void MarkReady()
    {
        IsRunning = true;
        _ready.TrySetResult();
    }

    public void MarkFailed(Exception error)
    {
        IsRunning = false;
        _ready.TrySetException(error);
    }

    public void MarkStopped() => IsRunning = false;
}
