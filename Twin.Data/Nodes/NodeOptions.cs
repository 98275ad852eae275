namespace Twin.Data.Nodes;

/// <summary>
/// Two or more nodes on one PostgreSQL store (<c>Twin:Nodes</c>, docs/two-nodes.md). Unused on
/// SQLite, where the one process is always the writer.
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Twin:Nodes";

    /// <summary>
    /// How long a follower waits for the writer to commit a handed-over command before answering
    /// 503: longer than a failover (≤ 10 s) plus the new writer's rebuild, so a failover alone does
    /// not turn into errors.
    /// </summary>
    public TimeSpan HandOffTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest pause between two reloads of a follower's read model after the writer's commits:
    /// a reload reads the whole state, so the pause after one is four times what it took (a busy
    /// writer's commits are taken together), up to this, the most the follower's screens may lag.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an answered inbox row (its outcome, no body) is kept before the retention pass deletes it.</summary>
    public TimeSpan InboxKeep { get; set; } = TimeSpan.FromHours(24);

    public void Validate()
    {
        if (HandOffTimeout < TimeSpan.FromSeconds(1) || RefreshInterval < TimeSpan.FromMilliseconds(100) || InboxKeep < TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException("Twin:Nodes: HandOffTimeout must be ≥ 1 s, RefreshInterval ≥ 100 ms, InboxKeep ≥ 1 min.");
        }
    }
}
