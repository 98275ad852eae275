using System.Collections.Immutable;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>
/// A drone of the fleet as registered. <see cref="FeedUrl"/> is where its video can be watched;
/// null means the twin renders the feed itself (simulated drones).
/// </summary>
public sealed record DroneDefinition(string Id, string Model, GeoPoint Home, double MaxSpeedMps, string? FeedUrl = null);

public enum DroneStatus
{
    /// <summary>On its dock at the home point.</summary>
    Docked,
    Airborne,

    /// <summary>No usable telemetry: silent for too long, or the drone reports no link.</summary>
    LinkLost,
}

/// <summary>One telemetry report: WGS-84 position, altitude above ground, heading (0 = north, clockwise), speed, battery and link quality (both 0–100).</summary>
public readonly record struct DroneTelemetry(
    string DroneId,
    DateTimeOffset At,
    GeoPoint Position,
    double AltitudeMetres,
    double HeadingDegrees,
    double SpeedMps,
    double BatteryPercent,
    double LinkPercent);

/// <summary>A drone as the engine holds it: its definition, its latest telemetry and its recent track.</summary>
public sealed record DroneState(
    DroneDefinition Definition,
    DroneStatus Status,
    GeoPoint Position,
    double AltitudeMetres,
    double HeadingDegrees,
    double SpeedMps,
    double BatteryPercent,
    double LinkPercent,
    DateTimeOffset? LastTelemetryAt,
    string? MissionId,
    ImmutableArray<GeoPoint> Trail)
{
    public string Id => Definition.Id;

    public static DroneState Docked(DroneDefinition definition) => new(
        definition, DroneStatus.Docked, definition.Home, 0, 0, 0, 100, 100, null, null, []);
}
