using Twin.Domain.Drones;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Drones;

public sealed class PatrolRouteFileTests
{
    private static readonly OperatingArea Area = new(TestGeo.Putuo);

    [Fact]
    public void The_routes_in_the_repository_follow_the_creek()
    {
        Assert.True(Fleet.Routes.Count >= 2);
        foreach (var route in Fleet.Routes)
        {
            Assert.All(route.Points, p => Assert.True(TestGeo.Putuo.DistanceToCreekMetres(p) < 200, $"{route.Id}: {p} is off the creek"));
        }
    }

    [Theory]
    [InlineData("not json", "Not JSON")]
    [InlineData("""{"type":"Feature"}""", "FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "1–50 routes")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"LineString","coordinates":[[121.39,31.22],[121.40,31.23]]}}]}""", "needs an id")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"x"},"geometry":{"type":"Point","coordinates":[121.39,31.22]}}]}""", "LineString")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"x"},"geometry":{"type":"LineString","coordinates":[[121.39,31.22]]}}]}""", "2–2000 points")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"x"},"geometry":{"type":"LineString","coordinates":[[121.39,31.22],[121.4737,31.2304]]}}]}""", "outside the operating area")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"x","altitudeMetres":300},"geometry":{"type":"LineString","coordinates":[[121.39,31.22],[121.40,31.23]]}}]}""", "120")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"x"},"geometry":{"type":"LineString","coordinates":[[121.39,31.22],[121.40,31.23]]}},{"type":"Feature","properties":{"id":"R1","name":"y"},"geometry":{"type":"LineString","coordinates":[[121.39,31.22],[121.40,31.23]]}}]}""", "appears twice")]
    public void A_bad_file_is_refused_whole_with_the_reason(string json, string reason)
    {
        var result = PatrolRouteFile.Parse(json, Area);

        Assert.NotNull(result.Problem);
        Assert.Contains(reason, result.Problem);
        Assert.Empty(result.Routes);
    }
}
