namespace Twin.Data.Boundary;

/// <summary>
/// Whether the writer's last attempt to reach the store worked: set by the pipeline after every
/// batch it writes (or fails to write, or cannot rebuild from), read by the readiness check. A
/// twin whose writes fail still answers reads from memory, but must not be sent new inputs.
/// </summary>
public sealed class StoreWriteHealth
{
    private volatile Failure? _failure;

    /// <summary>The last failure while it lasts; null once a later write succeeded (or none failed).</summary>
    public Failure? CurrentFailure => _failure;

    public void Succeeded() => _failure = null;

    public void Failed(Exception error) =>
        _failure = new Failure(error.GetType().Name + ": " + error.Message, (_failure?.InARow ?? 0) + 1);

    /// <param name="InARow">Failed attempts since the last write that worked.</param>
    public sealed record Failure(string Error, int InARow);
}
