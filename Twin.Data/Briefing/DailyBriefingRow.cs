namespace Twin.Data.Briefing;

/// <summary>
/// A daily briefing as it was made: the figures of its Shanghai day as JSON, with the SHA-256 of
/// those bytes. Insert-only (triggers refuse UPDATE and DELETE), one row a day.
/// </summary>
public sealed class DailyBriefingRow
{
    /// <summary>The Shanghai day it reports on, yyyy-MM-dd.</summary>
    public required string Day { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }
}
