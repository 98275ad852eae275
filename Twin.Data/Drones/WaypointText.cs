using System.Collections.Immutable;
using System.Globalization;
using Twin.Domain.Geography;

namespace Twin.Data.Drones;

/// <summary>Waypoints as compact text in one column: "lon,lat;lon,lat", round-trip exact.</summary>
internal static class WaypointText
{
    public static string Write(IEnumerable<GeoPoint> points) =>
        string.Join(';', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lon:R},{p.Lat:R}")));

    public static ImmutableArray<GeoPoint> Parse(string text) =>
        text.Length == 0
            ? []
            : [.. text.Split(';').Select(pair =>
            {
                var comma = pair.IndexOf(',');
                return new GeoPoint(
                    double.Parse(pair.AsSpan(0, comma), CultureInfo.InvariantCulture),
                    double.Parse(pair.AsSpan(comma + 1), CultureInfo.InvariantCulture));
            })];
}
