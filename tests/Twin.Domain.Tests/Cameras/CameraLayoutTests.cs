using Twin.Domain.Cameras;
using Twin.Domain.Tests.Simulation;

namespace Twin.Domain.Tests.Cameras;

[Collection(SimulationCollection.Name)]
public sealed class CameraLayoutTests
{
    private static IReadOnlyList<Camera> Cameras => SimulationWorld.Cameras;

    [Fact]
    public void Has_the_seed_figures_21000_channels_and_135_ai_cameras()
    {
        Assert.Equal(21_000, Cameras.Count);
        Assert.Equal(135, Cameras.Count(c => c.Ai));
        Assert.Equal("C-00001", Cameras[0].Id);
        Assert.Equal("C-21000", Cameras[^1].Id);
        Assert.Equal(Cameras.Count, Cameras.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_camera_lies_inside_the_district_with_its_sub_district()
    {
        var codes = SimulationWorld.Map.SubDistricts.Select(s => s.Code).ToHashSet();
        Assert.All(Cameras, c =>
        {
            Assert.True(SimulationWorld.Map.Contains(c.Location), $"{c.Id} at {c.Location} is outside Putuo");
            Assert.Contains(c.SubDistrictCode, codes);
        });
        Assert.All(Cameras.Where(c => c.Ai), c => Assert.Contains("高空抛物", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Cameras_are_denser_near_metro_stations_and_in_the_corridor_than_on_average()
    {
        var map = SimulationWorld.Map;
        var average = Cameras.Count / map.AreaKm2;

        var inCorridor = Cameras.Count(c => map.IsInCorridor(c.Location)) / map.CorridorAreaKm2;
        Assert.True(inCorridor > 1.3 * average, $"corridor {inCorridor:0}/km², district {average:0}/km²");

        // The area within 300 m of a station inside Putuo, counted on a 50 m grid over the district.
        var stations = SimulationWorld.Stations.Where(s => map.Contains(s.Location)).ToList();
        Assert.NotEmpty(stations);
        var projection = map.Projection;
        var centres = stations.Select(s => projection.Forward(s.Location.Lon, s.Location.Lat)).ToList();
        bool NearStation(double x, double y) => centres.Any(c => (c.X - x) * (c.X - x) + (c.Y - y) * (c.Y - y) <= 300 * 300);
        var envelope = projection.Forward(map.Outline).EnvelopeInternal;
        var cells = 0;
        for (var x = envelope.MinX; x <= envelope.MaxX; x += 50)
        {
            for (var y = envelope.MinY; y <= envelope.MaxY; y += 50)
            {
                var geo = projection.Inverse(x, y);
                if (NearStation(x, y) && map.Contains(new(geo.X, geo.Y)))
                {
                    cells++;
                }
            }
        }

        var nearArea = cells * 0.05 * 0.05;
        var near = Cameras.Count(cam =>
        {
            var p = projection.Forward(cam.Location.Lon, cam.Location.Lat);
            return NearStation(p.X, p.Y);
        });
        Assert.True(near / nearArea > 2 * average, $"near stations {near / nearArea:0}/km², district {average:0}/km²");
    }

    [Fact]
    public void Loads_the_metro_stations_with_the_28_inside_putuo()
    {
        Assert.Equal(102, SimulationWorld.Stations.Count);
        Assert.Contains(SimulationWorld.Stations, s => s.Name == "武宁路");
        Assert.InRange(SimulationWorld.Stations.Count(s => SimulationWorld.Map.Contains(s.Location)), 24, 32);
    }

    [Fact]
    public void Same_seed_gives_the_same_layout()
    {
        var again = CameraLayout.Create(SimulationWorld.Map, SimulationWorld.Stations, seed: 20221, total: 500, aiCount: 10);
        Assert.Equal(again, CameraLayout.Create(SimulationWorld.Map, SimulationWorld.Stations, seed: 20221, total: 500, aiCount: 10));
        Assert.Equal(10, again.Count(c => c.Ai));
    }
}
