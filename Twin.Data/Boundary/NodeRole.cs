namespace Twin.Data.Boundary;

/// <summary>
/// Whether this node is the writer (docs/two-nodes.md): on SQLite always, once started; on
/// PostgreSQL while it holds the writer's lock. Commands go to the pipeline only here; elsewhere
/// they are handed to the writer through the inbox. The simulators and the store's upkeep wait for
/// <see cref="Writing"/>. A node never steps down: losing the lock stops the node.
/// </summary>
public sealed class NodeRole
{
    private readonly TaskCompletionSource _writing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node's pipeline runs as the writer.</summary>
    public Task Writing => _writing.Task;

    public bool IsWriting => _writing.Task.IsCompletedSuccessfully;

    /// <summary>Set by the host once the engine is rebuilt from the store and the writer loop runs.</summary>
    public void MarkWriting() => _writing.TrySetResult();
}
