using System.Globalization;

namespace Twin.Domain.Drones;

/// <summary>
/// Checks one telemetry report against the laws of the fleet: real coordinates inside the
/// operating area, values in range, time moving forward, and no move faster than the drone can fly.
/// </summary>
public static class TelemetryRules
{
    public const double MaxAltitudeMetres = 500;

    /// <summary>GNSS jitter: a hover may wander this far between two fixes without being a jump.</summary>
    public const double PositionNoiseMetres = 25;

    /// <summary>Headroom over the model's top speed for gusts and rounding.</summary>
    public const double SpeedTolerance = 1.5;

    /// <summary>Null when the report is acceptable, otherwise the reason it is refused.</summary>
    public static string? Problem(in DroneTelemetry t, DroneState drone, OperatingArea area, DateTimeOffset now, TimeSpan maxClockSkew)
    {
        var id = drone.Id;
        if (!t.Position.IsValidWgs84)
        {
            return $"Drone {id}: bad coordinates {Invariant(t.Position.Lon)}, {Invariant(t.Position.Lat)} (WGS-84 lon −180…180, lat −90…90).";
        }

        if (!area.Contains(t.Position))
        {
            return $"Drone {id}: {t.Position} is outside the operating area (the district plus {area.MarginMetres:0} m).";
        }

        if (!double.IsFinite(t.AltitudeMetres) || t.AltitudeMetres is < -10 or > MaxAltitudeMetres)
        {
            return $"Drone {id}: altitude {Invariant(t.AltitudeMetres)} m is outside −10…{MaxAltitudeMetres} m.";
        }

        if (!double.IsFinite(t.HeadingDegrees) || t.HeadingDegrees is < 0 or >= 360)
        {
            return $"Drone {id}: heading {Invariant(t.HeadingDegrees)}° is outside 0…360°.";
        }

        if (!double.IsFinite(t.SpeedMps) || t.SpeedMps < 0 || t.SpeedMps > drone.Definition.MaxSpeedMps * SpeedTolerance)
        {
            return $"Drone {id}: speed {Invariant(t.SpeedMps)} m/s is outside 0…{drone.Definition.MaxSpeedMps * SpeedTolerance:0.#} m/s.";
        }

        if (!double.IsFinite(t.BatteryPercent) || t.BatteryPercent is < 0 or > 100)
        {
            return $"Drone {id}: battery must be 0–100 %.";
        }

        if (!double.IsFinite(t.LinkPercent) || t.LinkPercent is < 0 or > 100)
        {
            return $"Drone {id}: link quality must be 0–100 %.";
        }

        if (t.At > now + maxClockSkew)
        {
            return $"Drone {id}: reported at {t.At:O}, ahead of the twin's clock ({now:O}).";
        }

        if (drone.LastTelemetryAt is not { } last)
        {
            return null;
        }

        if (t.At <= last)
        {
            return $"Drone {id}: reported at {t.At:O}, not after its last report ({last:O}); reports must arrive in order.";
        }

        var seconds = (t.At - last).TotalSeconds;
        var metres = area.DistanceMetres(drone.Position, t.Position);
        var reachable = drone.Definition.MaxSpeedMps * SpeedTolerance * seconds + PositionNoiseMetres;
        return metres > reachable
            ? $"Drone {id}: impossible jump of {metres:0} m in {seconds:0.#} s (top speed {drone.Definition.MaxSpeedMps:0.#} m/s)."
            : null;
    }

    private static string Invariant(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
