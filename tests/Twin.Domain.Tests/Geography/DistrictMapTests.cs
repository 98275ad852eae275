using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Twin.Domain.Geography;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Geography;

public class DistrictMapTests
{
    private static DistrictMap Map => TestGeo.Putuo;

    [Fact]
    public void A_point_in_Zhenru_is_found_in_真如镇街道()
    {
        Assert.True(Map.Contains(TestGeo.Zhenru));
        Assert.Equal("真如镇街道", Map.SubDistrictAt(TestGeo.Zhenru)?.Name);
        Assert.Equal("310107022000", Map.SubDistrictAt(TestGeo.Zhenru)?.Code);
    }

    [Fact]
    public void A_point_near_Changshou_Road_is_found_in_长寿路街道()
    {
        Assert.True(Map.Contains(TestGeo.Changshou));
        Assert.Equal("长寿路街道", Map.SubDistrictAt(TestGeo.Changshou)?.Name);
    }

    [Fact]
    public void A_point_inside_Changning_is_outside_the_district()
    {
        var changning = LoadNeighbour("长宁区").InteriorPoint;
        var point = new GeoPoint(changning.X, changning.Y);

        Assert.False(Map.Contains(point));
        Assert.Null(Map.SubDistrictAt(point));
        Assert.False(Map.IsInCorridor(point));
    }

    [Fact]
    public void The_point_in_Putuo_from_the_neighbours_file_is_inside_the_district()
    {
        // The same extraction as for 长宁区: shows that a failure above is not a quirk of reading that file.
        var putuo = LoadNeighbour("普陀区").InteriorPoint;

        Assert.True(Map.Contains(new GeoPoint(putuo.X, putuo.Y)));
    }

    [Fact]
    public void A_point_100_m_from_the_creek_is_in_the_corridor_and_one_2_km_away_is_not()
    {
        var (vertex, near, far) = PointsBesideTheCreek(100, 2000);

        Assert.InRange(Geodesy.DistanceMetres(vertex, near), 99, 101);
        Assert.InRange(Geodesy.DistanceMetres(vertex, far), 1998, 2002);
        Assert.True(Map.IsInCorridor(near));
        Assert.InRange(Map.DistanceToCreekMetres(near), 97, 103);
        Assert.False(Map.IsInCorridor(far));
        Assert.InRange(Map.DistanceToCreekMetres(far), TestGeo.CorridorHalfWidthMetres + 1, 2003);
    }

    [Fact]
    public void A_point_on_the_creek_is_at_distance_zero()
    {
        var vertex = CreekVertices().First().Vertex;

        Assert.InRange(Map.DistanceToCreekMetres(vertex), 0, 0.01);
    }

    [Fact]
    public void The_ten_街镇_load_with_their_statistical_codes()
    {
        var expected = new Dictionary<string, string>
        {
            ["310107005000"] = "曹杨新村街道",
            ["310107014000"] = "长风新村街道",
            ["310107015000"] = "长寿路街道",
            ["310107016000"] = "甘泉路街道",
            ["310107017000"] = "石泉路街道",
            ["310107020000"] = "宜川路街道",
            ["310107021000"] = "万里街道",
            ["310107022000"] = "真如镇街道",
            ["310107102000"] = "长征镇",
            ["310107103000"] = "桃浦镇",
        };

        Assert.Equal(expected, Map.SubDistricts.ToDictionary(s => s.Code, s => s.Name));
        Assert.Equal("万里街道", Map.FindSubDistrict("310107021000")?.Name);
        Assert.Equal("真如镇街道", Map.FindSubDistrict("310107022000")?.Name);
        Assert.Equal("普陀区", Map.Name);
        Assert.Equal("310107", Map.Adcode);
    }

    [Fact]
    public void The_285_neighbourhood_committees_load_under_their_街镇()
    {
        var subDistrictCodes = Map.SubDistricts.Select(s => s.Code).ToHashSet();

        Assert.Equal(285, Map.Neighbourhoods.Count);
        Assert.Equal(285, Map.Neighbourhoods.Select(n => n.Code).Distinct().Count());
        Assert.All(Map.Neighbourhoods, n => Assert.Contains(n.SubDistrictCode, subDistrictCodes));
        Assert.Equal(10, Map.Neighbourhoods.Select(n => n.SubDistrictCode).Distinct().Count());
        Assert.Equal("源园居委会", Map.FindNeighbourhood("310107005001")?.Name);
        Assert.Null(Map.FindNeighbourhood("310107999999"));
    }

    [Fact]
    public void The_corridor_width_comes_from_the_parameter()
    {
        var narrow = TestGeo.Load(100);
        var wide = TestGeo.Load(500);
        var (_, at300, _) = PointsBesideTheCreek(300, 2000);

        Assert.Equal(100, narrow.CorridorHalfWidthMetres);
        Assert.Equal(500, wide.CorridorHalfWidthMetres);
        Assert.True(wide.CorridorAreaKm2 > narrow.CorridorAreaKm2 * 2, $"{wide.CorridorAreaKm2} km² vs {narrow.CorridorAreaKm2} km²");
        Assert.False(narrow.IsInCorridor(at300));
        Assert.True(wide.IsInCorridor(at300));
    }

    [Fact]
    public void The_district_covers_about_55_8_km2()
    {
        Assert.InRange(Map.AreaKm2, 55.8 * 0.98, 55.8 * 1.02);
    }

    [Fact]
    public void The_creek_length_matches_its_vertices_measured_on_the_ellipsoid()
    {
        var ellipsoidal = 0.0;
        for (var g = 0; g < Map.Creek.NumGeometries; g++)
        {
            var c = Map.Creek.GetGeometryN(g).Coordinates;
            for (var i = 1; i < c.Length; i++)
            {
                ellipsoidal += Geodesy.DistanceMetres(new GeoPoint(c[i - 1].X, c[i - 1].Y), new GeoPoint(c[i].X, c[i].Y));
            }
        }

        Assert.InRange(Map.CreekLengthMetres, ellipsoidal * 0.999, ellipsoidal * 1.001);
    }

    [Theory]
    [InlineData(121.3217, 31.2201, 121.4469, 31.3048)]
    [InlineData(121.3217, 31.3048, 121.4469, 31.2201)]
    [InlineData(121.39, 31.2201, 121.39, 31.3048)]
    [InlineData(121.3217, 31.26, 121.4469, 31.26)]
    public void Distances_in_the_local_projection_agree_with_the_ellipsoid_to_0_1_percent(double lon1, double lat1, double lon2, double lat2)
    {
        var a = Map.Projection.Forward(lon1, lat1);
        var b = Map.Projection.Forward(lon2, lat2);
        var reference = Geodesy.DistanceMetres(new GeoPoint(lon1, lat1), new GeoPoint(lon2, lat2));

        Assert.InRange(a.Distance(b), reference * 0.999, reference * 1.001);
    }

    /// <summary>
    /// A creek vertex on a straight stretch, and points offset perpendicular from it into Putuo.
    /// The creek is the district's border for most of its length, so only one side is inside.
    /// </summary>
    private static (GeoPoint Vertex, GeoPoint Near, GeoPoint Far) PointsBesideTheCreek(double nearMetres, double farMetres)
    {
        var projection = Map.Projection;
        foreach (var (vertex, normal) in CreekVertices())
        {
            var v = projection.Forward(vertex.Lon, vertex.Lat);
            foreach (var side in new[] { 1.0, -1.0 })
            {
                var near = ToGeo(projection.Inverse(v.X + side * nearMetres * normal.X, v.Y + side * nearMetres * normal.Y));
                var far = ToGeo(projection.Inverse(v.X + side * farMetres * normal.X, v.Y + side * farMetres * normal.Y));
                if (Map.Contains(near) && Map.Contains(far))
                {
                    return (vertex, near, far);
                }
            }
        }

        throw new InvalidOperationException("No straight stretch of the creek with Putuo on one side was found.");
    }

    /// <summary>Vertices whose two neighbours lie ≥ 150 m away almost in line (within 5°), with the unit normal in metres.</summary>
    private static IEnumerable<(GeoPoint Vertex, Coordinate Normal)> CreekVertices()
    {
        var projection = Map.Projection;
        for (var g = 0; g < Map.Creek.NumGeometries; g++)
        {
            var coords = Map.Creek.GetGeometryN(g).Coordinates.Select(c => projection.Forward(c.X, c.Y)).ToArray();
            for (var i = 1; i < coords.Length - 1; i++)
            {
                var (a, b, c) = (coords[i - 1], coords[i], coords[i + 1]);
                var inAngle = Math.Atan2(b.Y - a.Y, b.X - a.X);
                var outAngle = Math.Atan2(c.Y - b.Y, c.X - b.X);
                var turn = Math.Abs(Math.IEEERemainder(outAngle - inAngle, 2 * Math.PI));
                if (a.Distance(b) < 150 || b.Distance(c) < 150 || turn > 5 * Math.PI / 180)
                {
                    continue;
                }

                var length = a.Distance(c);
                var normal = new Coordinate(-(c.Y - a.Y) / length, (c.X - a.X) / length);
                var wgs = projection.Inverse(b.X, b.Y);
                yield return (new GeoPoint(wgs.X, wgs.Y), normal);
            }
        }
    }

    private static GeoPoint ToGeo(Coordinate c) => new(c.X, c.Y);

    private static Geometry LoadNeighbour(string name)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var json = File.ReadAllText(Path.Combine(TestGeo.GeoDirectory, "shanghai_districts_clip_putuo_area.geojson"));
        var features = JsonSerializer.Deserialize<FeatureCollection>(json, options)!;
        return features.Single(f => (string?)f.Attributes["name"] == name).Geometry;
    }
}
