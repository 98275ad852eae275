namespace Twin.Data.Accounts;

/// <summary>
/// One signed-in browser, server-side: the cookie carries only <see cref="Id"/>, so ending the row
/// ends the session wherever its cookie is (logout, a disabled account, a revoked wall token).
/// </summary>
public sealed class SessionRow
{
    public required string Id { get; set; }

    /// <summary>The person's account, or null for a wall display.</summary>
    public string? UserId { get; set; }

    /// <summary>The wall device, or null for a person.</summary>
    public string? DeviceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }
}
