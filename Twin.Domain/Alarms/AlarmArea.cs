using Twin.Domain.Geography;

namespace Twin.Domain.Alarms;

/// <summary>
/// The WGS-84 area an external alert covers: polygons (each ring closed and a polygon of its own,
/// as CAP areas have no holes) or one circle. Exactly one of the two is set.
/// </summary>
public sealed record AlarmArea
{
    private AlarmArea(IReadOnlyList<IReadOnlyList<GeoPoint>>? rings, GeoPoint? centre, double radiusMetres)
    {
        Rings = rings;
        Centre = centre;
        RadiusMetres = radiusMetres;
    }

    public IReadOnlyList<IReadOnlyList<GeoPoint>>? Rings { get; }

    public GeoPoint? Centre { get; }

    public double RadiusMetres { get; }

    public bool IsCircle => Centre is not null;

    public static AlarmArea Polygon(IReadOnlyList<IReadOnlyList<GeoPoint>> rings) => new(rings, null, 0);

    public static AlarmArea Circle(GeoPoint centre, double radiusMetres) => new(null, centre, radiusMetres);

    /// <summary>Why the area cannot be drawn, or null when it is well formed.</summary>
    public string? Problem()
    {
        if (Centre is { } centre)
        {
            if (!centre.IsValidWgs84)
            {
                return "the circle's centre is not a valid WGS-84 point";
            }

            return double.IsFinite(RadiusMetres) && RadiusMetres is > 0 and <= MaxRadiusMetres
                ? null
                : $"the circle's radius must be above 0 and at most {MaxRadiusMetres / 1000:0} km";
        }

        if (Rings is not { Count: > 0 })
        {
            return "the polygon has no ring";
        }

        foreach (var ring in Rings)
        {
            if (ring.Count < 4)
            {
                return "a polygon ring needs at least 4 points";
            }

            if (ring.Any(p => !p.IsValidWgs84))
            {
                return "a polygon point is not a valid WGS-84 point";
            }

            if (ring[0] != ring[^1])
            {
                return "a polygon ring must end where it starts";
            }
        }

        return null;
    }

    // A warning wider than a province is not a local alarm; it would also swamp the wall.
    private const double MaxRadiusMetres = 500_000;
}
