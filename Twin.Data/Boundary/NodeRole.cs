namespace Twin.Data.Boundary;

/// <summary>
/// Whether this node is the writer (docs/two-nodes.md): on SQLite always, once started; on
/// PostgreSQL while it holds the writer's lock. Commands go to the pipeline only here; elsewhere
/// they are handed to the writer through the inbox. The simulators, the store's upkeep and the
/// daily briefing wait for <see cref="Settled"/>. A node never steps down: losing the lock stops the node.
/// </summary>
public sealed class NodeRole
{
    private readonly TaskCompletionSource _writing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node's pipeline runs as the writer.</summary>
    public Task Writing => _writing.Task;

    public bool IsWriting => _writing.Task.IsCompletedSuccessfully;

    /// <summary>
    /// Completes once the writer has answered the commands that waited for it (with two or more
    /// nodes its first inbox round; on one node with <see cref="Writing"/>). What writes on a timer
    /// starts only then: at a take-over the first batch holds the callers who waited through the
    /// failover, and the store's upkeep or a briefing taking the store's write turn first kept them
    /// waiting seconds more on a busy machine.
    /// </summary>
    public Task Settled => _settled.Task;

    /// <summary>Set by the host once the engine is rebuilt from the store and the writer loop runs.</summary>
    public void MarkWriting() => _writing.TrySetResult();

    /// <summary>Set by the host after <see cref="MarkWriting"/>, once what waited for the writer is answered.</summary>
    public void MarkSettled() => _settled.TrySetResult();
}
