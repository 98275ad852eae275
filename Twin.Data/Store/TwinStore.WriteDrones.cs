using Twin.Data.Drones;
using Twin.Domain.Drones;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>The drone rows of a batch: the fleet's state, its telemetry, missions and evidence frames.</summary>
    private sealed partial class WriteCommands
    {
        private void UpsertDrone(DroneState drone)
        {
            var d = drone.Definition;
            var p = _upsertDrone.Parameters;
            p[0].Value = d.Id;
            p[1].Value = d.Model;
            p[2].Value = d.Home.Lon;
            p[3].Value = d.Home.Lat;
            p[4].Value = d.MaxSpeedMps;
            p[5].Value = (object?)d.FeedUrl ?? DBNull.Value;
            p[6].Value = drone.Status.ToString();
            p[7].Value = drone.Position.Lon;
            p[8].Value = drone.Position.Lat;
            p[9].Value = drone.AltitudeMetres;
            p[10].Value = drone.HeadingDegrees;
            p[11].Value = drone.SpeedMps;
            p[12].Value = drone.BatteryPercent;
            p[13].Value = drone.LinkPercent;
            p[14].Value = UtcTicks.FromNullable(drone.LastTelemetryAt);
            p[15].Value = (object?)drone.MissionId ?? DBNull.Value;
            _upsertDrone.ExecuteNonQuery();
        }

        private void InsertTelemetry(in DroneTelemetry t)
        {
            var p = _insertTelemetry.Parameters;
            p[0].Value = t.DroneId;
            p[1].Value = UtcTicks.From(t.At);
            p[2].Value = t.Position.Lon;
            p[3].Value = t.Position.Lat;
            p[4].Value = t.AltitudeMetres;
            p[5].Value = t.HeadingDegrees;
            p[6].Value = t.SpeedMps;
            p[7].Value = t.BatteryPercent;
            p[8].Value = t.LinkPercent;
            _insertTelemetry.ExecuteNonQuery();
        }

        private void UpsertMission(MissionState m)
        {
            var p = _upsertMission.Parameters;
            p[0].Value = m.Id;
            p[1].Value = m.DroneId;
            p[2].Value = m.Kind.ToString();
            p[3].Value = m.Status.ToString();
            p[4].Value = (object?)m.RouteId ?? DBNull.Value;
            p[5].Value = (object?)m.TargetId ?? DBNull.Value;
            p[6].Value = WaypointText.Write(m.Waypoints);
            p[7].Value = UtcTicks.From(m.PlannedAt);
            p[8].Value = UtcTicks.FromNullable(m.ScheduledFor);
            p[9].Value = UtcTicks.From(m.UpdatedAt);
            p[10].Value = m.Actor;
            p[11].Value = (object?)m.Note ?? DBNull.Value;
            _upsertMission.ExecuteNonQuery();
        }

        private void InsertEvidence(EvidenceFrame e)
        {
            var p = _insertEvidence.Parameters;
            p[0].Value = e.Id;
            p[1].Value = e.TicketId;
            p[2].Value = e.DroneId;
            p[3].Value = UtcTicks.From(e.CapturedAt);
            p[4].Value = e.Position.Lon;
            p[5].Value = e.Position.Lat;
            p[6].Value = e.AltitudeMetres;
            p[7].Value = e.Sha256;
            p[8].Value = e.Actor;
            p[9].Value = e.Jpeg;
            _insertEvidence.ExecuteNonQuery();
        }
    }
}
