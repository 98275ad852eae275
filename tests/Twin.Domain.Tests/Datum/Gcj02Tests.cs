using System.Text.Json;
using Twin.Domain.Datum;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Datum;

/// <summary>Checked against pairs computed by an independent implementation (geo/gcj02_reference_points.json).</summary>
public class Gcj02Tests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<double, double, double, double> ReferencePairs()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestGeo.GeoDirectory, "gcj02_reference_points.json")));
        var data = new TheoryData<double, double, double, double>();
        foreach (var point in document.RootElement.GetProperty("points").EnumerateArray())
        {
            var wgs = point.GetProperty("wgs84");
            var gcj = point.GetProperty("gcj02");
            data.Add(wgs[0].GetDouble(), wgs[1].GetDouble(), gcj[0].GetDouble(), gcj[1].GetDouble());
        }

        return data;
    }

    [Fact]
    public void The_reference_file_has_pairs_to_check()
    {
        Assert.True(ReferencePairs().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(ReferencePairs))]
    public void Wgs84_to_Gcj02_matches_the_reference(double wgsLon, double wgsLat, double gcjLon, double gcjLat)
    {
        var (lon, lat) = Gcj02.FromWgs84(wgsLon, wgsLat);

        Assert.Equal(gcjLon, lon, Tolerance);
        Assert.Equal(gcjLat, lat, Tolerance);
    }

    [Theory]
    [MemberData(nameof(ReferencePairs))]
    public void Gcj02_to_Wgs84_matches_the_reference(double wgsLon, double wgsLat, double gcjLon, double gcjLat)
    {
        var (lon, lat) = Gcj02.ToWgs84(gcjLon, gcjLat);

        Assert.Equal(wgsLon, lon, Tolerance);
        Assert.Equal(wgsLat, lat, Tolerance);
    }

    [Fact]
    public void The_offset_in_Putuo_is_several_hundred_metres()
    {
        // Guards against an identity transform that would pass a round trip.
        var (lon, lat) = Gcj02.FromWgs84(121.397, 31.249);
        var dx = (lon - 121.397) * 111_320 * Math.Cos(31.249 * Math.PI / 180);
        var dy = (lat - 31.249) * 110_574;

        Assert.InRange(Math.Sqrt(dx * dx + dy * dy), 400, 600);
    }
}
