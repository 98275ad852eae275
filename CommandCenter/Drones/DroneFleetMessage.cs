using CommandCenter.Localization;
using CommandCenter.Map;
using Twin.Domain.Drones;

namespace CommandCenter.Drones;

/// <summary>
/// The whole fleet in one hub message (docs/hub-protocol.md, <c>Drones</c>): a fleet is a handful
/// of features, so each message replaces the last and needs no sequence numbers.
/// </summary>
public sealed record DroneFleetMessage(DateTimeOffset At, int RoutesVersion, FeatureCollection Drones);

/// <summary>The whole drone fleet on a connection's send loop; each replaces the last, so a connection is only ever sent the latest.</summary>
public sealed record DronesMessage(WireJson<DroneFleetMessage> Fleet) : MapMessage;

public static class DroneFeatures
{
    public const string Layer = "drones";

    public static MapFeature Drone(DroneState d, MissionState? mission) => new(
        d.Id,
        new PointGeometry([Math.Round(d.Position.Lon, 6), Math.Round(d.Position.Lat, 6)]),
        new Dictionary<string, object?>
        {
            ["layer"] = Layer,
            ["model"] = d.Definition.Model,
            ["status"] = Wire(d.Status.ToString()),
            ["linkLost"] = d.Status == DroneStatus.LinkLost,
            ["heading"] = Math.Round(d.HeadingDegrees, 1),
            ["altitude"] = Math.Round(d.AltitudeMetres, 1),
            ["speed"] = Math.Round(d.SpeedMps, 1),
            ["battery"] = Math.Round(d.BatteryPercent),
            ["link"] = Math.Round(d.LinkPercent),
            ["lastTelemetryAt"] = d.LastTelemetryAt,
            ["missionId"] = mission?.Id,
            ["missionKind"] = mission is null ? null : Wire(mission.Kind.ToString()),
            ["missionStatus"] = mission is null ? null : Wire(mission.Status.ToString()),
            ["target"] = mission?.TargetId,

            // Why the mission stands where it does, e.g. the battery figures of a return (电量低返航).
            ["missionNote"] = mission?.Note,
            ["feedUrl"] = FeedUrl(d),
            ["trail"] = d.Trail.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToArray(),
        });

    /// <summary>The drone's own feed when it has one, otherwise the feed the twin renders for it.</summary>
    public static string FeedUrl(DroneState d) => d.Definition.FeedUrl ?? $"/api/drones/{Uri.EscapeDataString(d.Id)}/feed.mjpg";

    /// <summary>
    /// The feed for a page in <paramref name="lang"/>: the twin's own feed is asked for the page's
    /// language (its overlay is burned in), so a tab in English gets English whatever the cookie says.
    /// </summary>
    public static string FeedUrl(DroneState d, Lang lang) =>
        d.Definition.FeedUrl ?? $"{FeedUrl(d)}?{Language.QueryKey}={lang.Code()}";

    public static string Wire(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
