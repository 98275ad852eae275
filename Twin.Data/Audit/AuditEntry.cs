namespace Twin.Data.Audit;

/// <summary>
/// One audited action: who (<see cref="Actor"/>), what (<see cref="Action"/> on
/// <see cref="Target"/> with its <see cref="Outcome"/>), when (UTC) and where (address, user agent).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target,
    string Outcome,
    string? Detail,
    string? Ip,
    string? UserAgent);

/// <summary>An entry as stored, with its place in the hash chain.</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry, string PreviousHash, string Hash);

/// <summary>Outcomes an entry records.</summary>
public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>Filters for reading the log; null means any.</summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? ActionPrefix = null,
    string? Outcome = null,
    string? Target = null,
    int Limit = 500);

/// <summary>
/// What verifying the chain found: <see cref="FirstBadId"/> is the first row whose hash, link or
/// place does not hold (null when all do), and <see cref="HeadHash"/> is the newest row's hash.
/// </summary>
public sealed record AuditVerification(long Rows, long? FirstBadId, string? Problem, string HeadHash)
{
    public bool Intact => FirstBadId is null && Problem is null;

    /// <summary>The newest row's id when intact (what an anchor records with <see cref="HeadHash"/>).</summary>
    public long HeadSeq { get; init; }
}

/// <summary>The chain's head at one moment (its newest row's id and hash), kept outside the audit table.</summary>
public sealed record AuditAnchor(long Seq, string Hash, DateTimeOffset At);
