using System.Data.Common;
using Twin.Data.Store;
using Twin.Domain.Field;

namespace Twin.Data.Field;

/// <summary>
/// Writes a field report and its photos inside the pipeline batch's transaction, so the report,
/// its ticket's step to 审核 and their audit rows are on disk together or not at all.
/// </summary>
internal static class FieldWrites
{
    public static void Write(DbConnection connection, DbTransaction transaction, FieldReportSubmitted submitted)
    {
        var r = submitted.Report;
        BatchSql.Execute(connection, transaction,
            """
            INSERT INTO field_reports (key, ticket_id, actor, at, note, content)
            VALUES (@key, @ticket_id, @actor, @at, @note, @content)
            """,
            ("@key", r.Key), ("@ticket_id", r.TicketId), ("@actor", r.By), ("@at", UtcTicks.From(r.At)), ("@note", r.Note),
            ("@content", FieldRules.Content(r.TicketId, r.Note, r.Photos.Select(p => p.OriginalSha256))));
        for (var i = 0; i < r.Photos.Count; i++)
        {
            var p = r.Photos[i];
            BatchSql.Execute(connection, transaction,
                """
                INSERT INTO field_photos (id, report_key, ticket_id, position, content_type, image, bytes, sha256, original_sha256,
                    exif_lon, exif_lat, taken_at, uploaded_at)
                VALUES (@id, @report_key, @ticket_id, @position, @content_type, @image, @bytes, @sha256, @original_sha256,
                    @exif_lon, @exif_lat, @taken_at, @uploaded_at)
                """,
                ("@id", p.Id), ("@report_key", r.Key), ("@ticket_id", r.TicketId), ("@position", i), ("@content_type", p.ContentType),
                ("@image", p.Image), ("@bytes", p.Image.Length), ("@sha256", p.Sha256), ("@original_sha256", p.OriginalSha256),
                ("@exif_lon", p.Location?.Lon), ("@exif_lat", p.Location?.Lat), ("@taken_at", UtcTicks.FromNullable(p.TakenAt)),
                ("@uploaded_at", UtcTicks.From(r.At)));
        }
    }
}
