using CommandCenter.Ingestion.Common;
using Twin.Domain.Drones;

namespace CommandCenter.Drones;

/// <summary>
/// One telemetry report as drones send it, over HTTP or the hub (docs/drones.md). Coordinates are
/// WGS-84 unless <see cref="Datum"/> says gcj02; <see cref="At"/> is ISO 8601 with a zone.
/// </summary>
public sealed record DroneTelemetryMessage(
    string? DroneId,
    string? At,
    double? Lon,
    double? Lat,
    double? AltitudeMetres,
    double? HeadingDegrees,
    double? SpeedMps,
    double? BatteryPercent,
    double? LinkPercent,
    string? Datum = null)
{
    /// <summary>The domain's report, or why the message is malformed (missing fields, a time without zone, an unknown datum).</summary>
    public (DroneTelemetry? Telemetry, string? Problem) ToTelemetry()
    {
        if (string.IsNullOrWhiteSpace(DroneId))
        {
            return (null, "droneId is required.");
        }

        if (!IsoTime.TryParse(At, out var at))
        {
            return (null, "at must be an ISO 8601 time with a zone, e.g. 2026-11-30T08:00:00Z.");
        }

        if (Lon is not { } lon || Lat is not { } lat)
        {
            return (null, "lon and lat are required.");
        }

        var missing = new[] { (AltitudeMetres, "altitudeMetres"), (HeadingDegrees, "headingDegrees"), (SpeedMps, "speedMps"), (BatteryPercent, "batteryPercent"), (LinkPercent, "linkPercent") }
            .Where(f => f.Item1 is null).Select(f => f.Item2).ToList();
        if (missing.Count > 0)
        {
            return (null, $"Missing: {string.Join(", ", missing)}.");
        }

        if (Datums.Parse(Datum, out var datumProblem) is not { } datum)
        {
            return (null, datumProblem);
        }

        var position = double.IsFinite(lon) && double.IsFinite(lat) ? datum.ToWgs84(lon, lat) : new Twin.Domain.Geography.GeoPoint(lon, lat);
        return (new DroneTelemetry(DroneId.Trim(), at, position, AltitudeMetres!.Value, HeadingDegrees!.Value, SpeedMps!.Value, BatteryPercent!.Value, LinkPercent!.Value), null);
    }
}

/// <summary>The answer to a telemetry report sent over the hub.</summary>
public sealed record TelemetryAck(bool Accepted, string? Reason);
