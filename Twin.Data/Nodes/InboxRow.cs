namespace Twin.Data.Nodes;

/// <summary>
/// A command a follower node handed to the writer (docs/two-nodes.md): queued with its body, then
/// answered by the writer with its outcome once the batch holding it is committed. The body (which
/// may carry a reporter's contact) is cleared when the answer is written; answered rows are deleted
/// after <see cref="NodeOptions.InboxKeep"/>.
/// </summary>
public sealed class InboxRow
{
    /// <summary>The order the writer takes commands in.</summary>
    public long Id { get; set; }

    /// <summary>The command's type name (<see cref="CommandJson"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The command as JSON; null once answered.</summary>
    public string? Body { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The outcome as JSON; null while the writer has not committed it.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}
