namespace Twin.Data.Audit;

/// <summary>The audit table as the schema knows it; <see cref="AuditLog"/> reads and writes it with SQL.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public required string Outcome { get; set; }

    public string? Detail { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }

    public required string PrevHash { get; set; }

    public required string Hash { get; set; }
}
