using Twin.Domain.Geography;

namespace Twin.Domain.Tests.Support;

/// <summary>The real Putuo geodata, copied next to the test assembly by the project file.</summary>
public static class TestGeo
{
    public const double CorridorHalfWidthMetres = 300;

    /// <summary>Known to lie in 真如镇街道 (see the geography tests).</summary>
    public static readonly GeoPoint Zhenru = new(121.397, 31.249);

    /// <summary>Known to lie in 长寿路街道.</summary>
    public static readonly GeoPoint Changshou = new(121.4125, 31.2401);

    /// <summary>People's Square, well outside Putuo.</summary>
    public static readonly GeoPoint PeoplesSquare = new(121.4737, 31.2304);

    private static readonly Lazy<DistrictMap> Map = new(() => Warm(Load(CorridorHalfWidthMetres)));

    public static string GeoDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "geo");

    public static DistrictMap Putuo => Map.Value;

    public static DistrictMap Load(double corridorHalfWidthMetres) =>
        DistrictMapLoader.LoadFromDirectory(GeoDirectory, corridorHalfWidthMetres);

    public static GeoPoint RandomPointInside(Random random, DistrictMap map)
    {
        var box = map.Outline.EnvelopeInternal;
        while (true)
        {
            var p = new GeoPoint(box.MinX + random.NextDouble() * box.Width, box.MinY + random.NextDouble() * box.Height);
            if (map.Contains(p))
            {
                return p;
            }
        }
    }

    // NTS builds the point-in-polygon indexes of prepared geometries lazily; one query of each kind
    // builds them here, before test classes share the map across threads.
    private static DistrictMap Warm(DistrictMap map)
    {
        map.Contains(Zhenru);
        map.SubDistrictAt(PeoplesSquare);
        map.IsInCorridor(Zhenru);
        map.DistanceToCreekMetres(Zhenru);
        return map;
    }
}
