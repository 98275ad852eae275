using System.Collections.Immutable;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Twin.Domain.Drones;
using Twin.Domain.Geography;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>A ticket's evidence, oldest first, without the image bytes.</summary>
    public async Task<IReadOnlyList<EvidenceInfo>> GetEvidenceAsync(string ticketId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var theCase = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Lon, t.Lat }).FirstOrDefaultAsync(ct);
        if (theCase is null)
        {
            return [];
        }

        var rows = await db.Evidence.AsNoTracking()
            .Where(e => e.TicketId == ticketId)
            .OrderBy(e => e.CapturedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.TicketId, e.DroneId, e.CameraId, e.CapturedAt, e.Lon, e.Lat, e.AltitudeMetres, e.Sha256, e.Actor, Bytes = e.Jpeg.Length })
            .ToListAsync(ct);

        // Evidence is only ever attached to a stored ticket, whose place never changes: the distance is measured again on reading.
        return rows.Select(e => new EvidenceInfo(
                e.Id, e.TicketId, e.DroneId, e.CapturedAt, new GeoPoint(e.Lon, e.Lat), e.AltitudeMetres, e.Sha256, e.Actor, e.Bytes,
                EvidenceRules.DistanceMetres(new GeoPoint(e.Lon, e.Lat), new GeoPoint(theCase.Lon, theCase.Lat)))
            { CameraId = e.CameraId })
            .ToList();
    }

    /// <summary>An alarm's snapshot and its hash; null when the alarm has none or the retention pass has removed its image.</summary>
    public async Task<(byte[] Jpeg, string Sha256)?> GetAlarmSnapshotAsync(string alarmId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.AlarmSnapshots.AsNoTracking().Where(s => s.AlarmId == alarmId && s.Jpeg != null)
            .Select(s => new { s.Jpeg, s.Sha256 }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Jpeg!, row.Sha256);
    }

    /// <summary>One evidence image and its hash, or null when there is no such evidence.</summary>
    public async Task<(byte[] Jpeg, string Sha256)?> GetEvidenceImageAsync(string evidenceId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Evidence.AsNoTracking().Where(e => e.Id == evidenceId).Select(e => new { e.Jpeg, e.Sha256 }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Jpeg, row.Sha256);
    }

    /// <summary>Missions of one drone, newest first.</summary>
    public async Task<IReadOnlyList<MissionState>> GetMissionsAsync(string droneId, int limit, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Missions.AsNoTracking().Where(m => m.DroneId == droneId)
            .OrderByDescending(m => m.PlannedAt).ThenByDescending(m => m.Id).Take(limit).ToListAsync(ct);
        return rows.Select(m => m.ToState()).ToList();
    }

    /// <summary>The fleet with each drone's recent trail, the active missions and the next mission number.</summary>
    private async Task<(List<DroneState> Drones, List<MissionState> Missions, long NextMissionNumber)> ReadFleetAsync(
        TwinDbContext db, DbConnection connection, DbTransaction transaction, int trailPoints, CancellationToken ct)
    {
        var rows = await db.Drones.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var drones = new List<DroneState>(rows.Count);
        foreach (var row in rows)
        {
            var recent = await db.DroneTelemetry.AsNoTracking().Where(t => t.DroneId == row.Id)
                .OrderByDescending(t => t.At).Take(trailPoints).Select(t => new GeoPoint(t.Lon, t.Lat)).ToListAsync(ct);
            recent.Reverse();
            drones.Add(row.ToState([.. recent]));
        }

        var active = new[] { MissionStatus.Planned, MissionStatus.Flying, MissionStatus.OnStation, MissionStatus.Returning };
        var missions = await db.Missions.AsNoTracking().Where(m => active.Contains(m.Status)).OrderBy(m => m.Id).ToListAsync(ct);

        var next = await ReadNextNumberAsync(connection, transaction, "missions", ct);
        return (drones, missions.Select(m => m.ToState()).ToList(), next);
    }
}
