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
