using Microsoft.EntityFrameworkCore;
using Twin.Data.Field;
using Twin.Domain.Field;
using Twin.Domain.Geography;

namespace Twin.Data.Store;

/// <summary>Reads of 一线通达's field reports: the writer's replay check, the evidence record, the served image.</summary>
public sealed partial class TwinStore
{
    /// <summary>The stored reports among <paramref name="keys"/>: their ticket and what a copy must agree with.</summary>
    public async Task<IReadOnlyDictionary<string, (string TicketId, string Content)>> FindFieldReportsAsync(
        IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (keys.Count == 0)
        {
            return new Dictionary<string, (string, string)>();
        }

        await using var db = CreateDbContext();
        var rows = await db.FieldReports.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => new { r.Key, r.TicketId, r.Content }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.TicketId, r.Content), StringComparer.Ordinal);
    }

    public async Task<FieldReportInfo?> GetFieldReportAsync(string key, CancellationToken ct = default) =>
        (await ReadFieldReportsAsync(r => r.Key == key, ct)).FirstOrDefault();

    /// <summary>A ticket's field reports, oldest first.</summary>
    public Task<IReadOnlyList<FieldReportInfo>> GetFieldReportsAsync(string ticketId, CancellationToken ct = default) =>
        ReadFieldReportsAsync(r => r.TicketId == ticketId, ct);

    /// <summary>A field photo's metadata-free image as served, or null when there is none or its retention has removed it.</summary>
    public async Task<(byte[] Image, string ContentType, string Sha256)?> GetFieldPhotoAsync(string photoId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.FieldPhotos.AsNoTracking().Where(p => p.Id == photoId && p.Image != null)
            .Select(p => new { p.Image, p.ContentType, p.Sha256 }).FirstOrDefaultAsync(ct);
        return row?.Image is { } image ? (image, row.ContentType, row.Sha256) : null;
    }

    private async Task<IReadOnlyList<FieldReportInfo>> ReadFieldReportsAsync(
        System.Linq.Expressions.Expression<Func<FieldReportRow, bool>> which, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var reports = await db.FieldReports.AsNoTracking().Where(which).OrderBy(r => r.At).ThenBy(r => r.Key).ToListAsync(ct);
        if (reports.Count == 0)
        {
            return [];
        }

        var keys = reports.Select(r => r.Key).ToList();
        var photos = await db.FieldPhotos.AsNoTracking().Where(p => keys.Contains(p.ReportKey)).OrderBy(p => p.Position)
            .Select(p => new
            {
                p.Id, p.ReportKey, p.ContentType, p.Bytes, p.Sha256, p.OriginalSha256, p.ExifLon, p.ExifLat, p.TakenAt, Kept = p.Image != null,
            })
            .ToListAsync(ct);
        var byReport = photos.ToLookup(p => p.ReportKey, StringComparer.Ordinal);
        return reports.Select(r => new FieldReportInfo(
                r.Key, r.TicketId, r.Actor, r.At, r.Note,
                byReport[r.Key].Select(p => new FieldPhotoInfo(
                        p.Id, p.ContentType, p.Bytes, p.Sha256, p.OriginalSha256,
                        p.ExifLon is { } lon && p.ExifLat is { } lat ? new GeoPoint(lon, lat) : null, p.TakenAt, p.Kept))
                    .ToList()))
            .ToList();
    }
}
