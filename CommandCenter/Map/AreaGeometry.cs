using NetTopologySuite.Geometries;
using Twin.Domain.Alarms;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>
/// An alarm's area as geometry in WGS-84 degrees. GeoJSON and OpenLayers' GeoJSON reader have no
/// circle, so a circle becomes a 64-sided polygon, fine enough at wall scale (under 0.2 % off).
/// </summary>
public static class AreaGeometry
{
    private const int CircleSegments = 64;
    private const double MetresPerDegreeLat = 111_320;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Each ring as its own polygon (CAP areas have no holes).</summary>
    public static IReadOnlyList<IReadOnlyList<GeoPoint>> Rings(AlarmArea area) =>
        area.Centre is { } centre ? [CircleRing(centre, area.RadiusMetres)] : area.Rings ?? [];

    public static Geometry ToGeometry(AlarmArea area)
    {
        var polygons = Rings(area)
            .Select(ring => Factory.CreatePolygon(ring.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray()))
            .ToArray();
        return polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
    }

    /// <summary>GeoJSON geometry for the hub: a Polygon, or a MultiPolygon when the area has several.</summary>
    public static object ToGeoJson(AlarmArea area)
    {
        var rings = Rings(area)
            .Select(ring => ring.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToArray())
            .ToArray();
        return rings.Length == 1
            ? new { type = "Polygon", coordinates = new[] { rings[0] } }
            : new { type = "MultiPolygon", coordinates = rings.Select(r => new[] { r }).ToArray() };
    }

    private static IReadOnlyList<GeoPoint> CircleRing(GeoPoint centre, double radiusMetres)
    {
        var ring = new List<GeoPoint>(CircleSegments + 1);
        // Clamped so that a centre at a pole gives a (useless but finite) ring rather than infinities.
        var metresPerDegreeLon = MetresPerDegreeLat * Math.Max(1e-6, Math.Cos(centre.Lat * Math.PI / 180));
        for (var i = 0; i < CircleSegments; i++)
        {
            var angle = 2 * Math.PI * i / CircleSegments;
            ring.Add(new GeoPoint(
                centre.Lon + radiusMetres * Math.Sin(angle) / metresPerDegreeLon,
                centre.Lat + radiusMetres * Math.Cos(angle) / MetresPerDegreeLat));
        }

        ring.Add(ring[0]);
        return ring;
    }
}
