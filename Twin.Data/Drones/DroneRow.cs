using System.Collections.Immutable;
using Twin.Domain.Drones;
using Twin.Domain.Geography;

namespace Twin.Data.Drones;

/// <summary>A drone's definition and latest state, one row per drone.</summary>
public sealed class DroneRow
{
    public required string Id { get; set; }

    public required string Model { get; set; }

    public double HomeLon { get; set; }

    public double HomeLat { get; set; }

    public double MaxSpeedMps { get; set; }

    public string? FeedUrl { get; set; }

    public DroneStatus Status { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public double AltitudeMetres { get; set; }

    public double HeadingDegrees { get; set; }

    public double SpeedMps { get; set; }

    public double BatteryPercent { get; set; }

    public double LinkPercent { get; set; }

    public DateTimeOffset? LastTelemetryAt { get; set; }

    public string? MissionId { get; set; }

    public DroneState ToState(ImmutableArray<GeoPoint> trail) => new(
        new DroneDefinition(Id, Model, new GeoPoint(HomeLon, HomeLat), MaxSpeedMps, FeedUrl),
        Status, new GeoPoint(Lon, Lat), AltitudeMetres, HeadingDegrees, SpeedMps, BatteryPercent, LinkPercent, LastTelemetryAt, MissionId, trail);
}

/// <summary>One accepted telemetry report (the track, kept for replay and for the trail after a restart).</summary>
public sealed class DroneTelemetryRow
{
    public long Id { get; set; }

    public required string DroneId { get; set; }

    public DateTimeOffset At { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public double AltitudeMetres { get; set; }

    public double HeadingDegrees { get; set; }

    public double SpeedMps { get; set; }

    public double BatteryPercent { get; set; }

    public double LinkPercent { get; set; }
}

/// <summary>A mission's latest state; ended missions stay as the flight log.</summary>
public sealed class MissionRow
{
    public required string Id { get; set; }

    public required string DroneId { get; set; }

    public MissionKind Kind { get; set; }

    public MissionStatus Status { get; set; }

    public string? RouteId { get; set; }

    public string? TargetId { get; set; }

    /// <summary>"lon,lat;lon,lat;…" with invariant numbers.</summary>
    public required string Waypoints { get; set; }

    public DateTimeOffset PlannedAt { get; set; }

    public DateTimeOffset? ScheduledFor { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }

    public MissionState ToState() => new(
        Id, DroneId, Kind, Status, RouteId, TargetId, WaypointText.Parse(Waypoints), PlannedAt, ScheduledFor, UpdatedAt, Actor, Note);
}

/// <summary>A captured frame attached to a ticket; the JPEG is kept in the row with its SHA-256.</summary>
public sealed class EvidenceRow
{
    public required string Id { get; set; }

    public required string TicketId { get; set; }

    /// <summary>The drone that took the frame; null for an AI camera's snapshot (<see cref="CameraId"/>).</summary>
    public string? DroneId { get; set; }

    /// <summary>The AI camera whose alarm snapshot this is, copied in when the alarm was filed as the case.</summary>
    public string? CameraId { get; set; }

    public DateTimeOffset CapturedAt { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public double AltitudeMetres { get; set; }

    public required string Sha256 { get; set; }

    public required string Actor { get; set; }

    public required byte[] Jpeg { get; set; }
}
