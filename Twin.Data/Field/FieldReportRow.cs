namespace Twin.Data.Field;

/// <summary>One field report (处置反馈 from a phone), keyed by the phone's submission key.</summary>
public sealed class FieldReportRow
{
    public required string Key { get; set; }

    public required string TicketId { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Note { get; set; }

    /// <summary>What a retried copy must agree with (<see cref="Twin.Domain.Field.FieldRules.Content"/>).</summary>
    public required string Content { get; set; }
}

/// <summary>
/// One photo of a field report: the evidence record (hashes, EXIF place and time) for as long as
/// the ticket is kept, the metadata-free image only until the retention period removes it (null then).
/// </summary>
public sealed class FieldPhotoRow
{
    public required string Id { get; set; }

    public required string ReportKey { get; set; }

    public required string TicketId { get; set; }

    public int Position { get; set; }

    public required string ContentType { get; set; }

    public byte[]? Image { get; set; }

    public int Bytes { get; set; }

    public required string Sha256 { get; set; }

    public required string OriginalSha256 { get; set; }

    public double? ExifLon { get; set; }

    public double? ExifLat { get; set; }

    public DateTimeOffset? TakenAt { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
