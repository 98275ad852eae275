using System.Data.Common;
using Twin.Data.Store;
using Twin.Domain.Alarms;

namespace Twin.Data.Alarms;

/// <summary>An AI alarm's snapshot into the store, and into its case's evidence when the alarm is filed; in the batch's transaction.</summary>
internal static class AlarmSnapshotWrites
{
    public static void Insert(DbConnection connection, DbTransaction transaction, AlarmSnapshot s) =>
        BatchSql.Execute(connection, transaction,
            """
            INSERT INTO alarm_snapshots (id, alarm_id, camera_id, captured_at, sha256, bytes, jpeg)
            VALUES (@id, @alarm_id, @camera_id, @captured_at, @sha256, @bytes, @jpeg)
            """,
            ("@id", s.Id), ("@alarm_id", s.AlarmId), ("@camera_id", s.CameraId), ("@captured_at", UtcTicks.From(s.CapturedAt)),
            ("@sha256", s.Sha256), ("@bytes", s.Jpeg.Length), ("@jpeg", s.Jpeg));

    /// <summary>
    /// Copies the snapshot into the case's evidence (the evidence id is the snapshot's), placed where
    /// the alarm was. A snapshot whose image retention already removed adds nothing: its alarm row
    /// and the case's description still name it.
    /// </summary>
    public static void AttachToCase(DbConnection connection, DbTransaction transaction, string snapshotId, string caseId, string actor) =>
        BatchSql.Execute(connection, transaction,
            """
            INSERT INTO evidence (id, ticket_id, drone_id, camera_id, captured_at, lon, lat, altitude_m, sha256, actor, jpeg)
            SELECT s.id, @ticket_id, NULL, s.camera_id, s.captured_at, a.lon, a.lat, 0, s.sha256, @actor, s.jpeg
            FROM alarm_snapshots s JOIN alarms a ON a.id = s.alarm_id
            WHERE s.id = @id AND s.jpeg IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = s.id)
            """,
            ("@id", snapshotId), ("@ticket_id", caseId), ("@actor", actor));
}
