using Twin.Domain.Field;
using Twin.Domain.Tickets;

namespace CommandCenter.Field;

/// <summary>A stored field report as the API answers it; the same body for the first submission and every retried copy.</summary>
public sealed record FieldReportAnswer(string Key, string TicketId, string? TicketStatus, string By, DateTimeOffset At, string Note, IReadOnlyList<FieldPhotoAnswer> Photos)
{
    public static FieldReportAnswer Of(FieldReportInfo report, TicketStatus? status) => new(
        report.Key, report.TicketId, status?.ToString(), report.By, report.At, report.Note,
        report.Photos.Select(p => new FieldPhotoAnswer(
                p.Id, p.Kept ? $"{FieldEndpoints.Prefix}/photos/{p.Id}" : null, p.ContentType, p.Bytes, p.Sha256, p.OriginalSha256,
                p.Location?.Lon, p.Location?.Lat, p.TakenAt))
            .ToList());
}

/// <summary>
/// One photo's evidence record: <see cref="Url"/> serves the image without metadata (null once its
/// retention has removed it); the EXIF place (WGS-84) and time are kept here only.
/// </summary>
public sealed record FieldPhotoAnswer(
    string Id, string? Url, string ContentType, int Bytes, string Sha256, string OriginalSha256, double? ExifLon, double? ExifLat, DateTimeOffset? TakenAt);
