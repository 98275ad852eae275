using Twin.Domain.Sensors;
using Twin.Domain.Simulation;

namespace Twin.Domain.Tests.Simulation;

[Collection(SimulationCollection.Name)]
public sealed class SensorFleetTests
{
    private static readonly IReadOnlyList<SensorDefinition> Fleet = SensorFleet.Create(SimulationWorld.Map, new SimulatorOptions());

    [Fact]
    public void Has_the_configured_size_with_every_kind_and_unique_ids()
    {
        Assert.Equal(new SimulatorOptions().SensorCount, Fleet.Count);
        Assert.Equal(Enum.GetValues<SensorKind>().ToHashSet(), Fleet.Select(s => s.Kind).ToHashSet());
        Assert.Equal(Fleet.Count, Fleet.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Fleet, s => s.Id == "S-WL-0001");
        Assert.All(Fleet, s => Assert.Matches(@"^S-[A-Z]{2}-\d{4}$", s.Id));
    }

    [Fact]
    public void Lifts_are_the_largest_group_and_creek_gauges_few()
    {
        var byKind = Fleet.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byKind.Values.Max(), byKind[SensorKind.Lift]);
        Assert.InRange(byKind[SensorKind.CreekWaterLevel], 2, 30);
    }

    [Fact]
    public void Every_device_lies_inside_the_district_and_reports_within_the_configured_interval()
    {
        var options = new SimulatorOptions();
        Assert.All(Fleet, s =>
        {
            Assert.True(SimulationWorld.Map.Contains(s.Location), $"{s.Id} at {s.Location} is outside Putuo");
            Assert.InRange(s.ReportInterval.TotalSeconds, options.SensorReportSecondsMin, options.SensorReportSecondsMax);
        });
    }

    [Fact]
    public void Creek_gauges_stand_on_the_creek_within_the_corridor()
    {
        var gauges = Fleet.Where(s => s.Kind == SensorKind.CreekWaterLevel).ToList();
        Assert.All(gauges, g =>
        {
            Assert.True(SimulationWorld.Map.IsInCorridor(g.Location), $"{g.Id} is outside the corridor");
            Assert.True(SimulationWorld.Map.DistanceToCreekMetres(g.Location) <= 45, $"{g.Id} is {SimulationWorld.Map.DistanceToCreekMetres(g.Location):0} m from the creek");
            Assert.StartsWith("苏州河水位站 ", g.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Names_say_the_sub_district_and_the_device()
    {
        var lift = Fleet.First(s => s.Kind == SensorKind.Lift);
        var subDistrict = SimulationWorld.Map.SubDistrictFor(lift.Location);
        Assert.Equal($"{subDistrict.Name} 电梯 {lift.Id[^4..]}", lift.Name);
    }

    [Fact]
    public void Thresholds_leave_room_for_normal_readings_and_hysteresis()
    {
        Assert.All(SensorFleet.Profiles, p =>
        {
            Assert.True(p.Thresholds.HighIsBad ? p.Thresholds.Alarm > p.Thresholds.Warning : p.Thresholds.Alarm < p.Thresholds.Warning);
            Assert.True(p.NormalCeiling > 0, $"{p.Kind}: normal readings have no room on the normal side of warning");
        });
        Assert.Equal(3.8, SensorFleet.ProfileOf(SensorKind.CreekWaterLevel).Thresholds.Warning);
        Assert.Equal(150, SensorFleet.ProfileOf(SensorKind.AirQuality).Thresholds.Alarm);
    }

    [Fact]
    public void Dense_sub_districts_get_more_devices_per_km2_than_taopu()
    {
        var perKm2 = SimulationWorld.Map.SubDistricts.ToDictionary(
            s => s.Name,
            s => Fleet.Count(f => f.Kind != SensorKind.CreekWaterLevel && SimulationWorld.Map.SubDistrictFor(f.Location).Code == s.Code) / s.AreaKm2);
        Assert.True(perKm2["长寿路街道"] > 2 * perKm2["桃浦镇"], $"长寿路 {perKm2["长寿路街道"]:0}/km², 桃浦 {perKm2["桃浦镇"]:0}/km²");
    }

    [Fact]
    public void Same_seed_gives_the_same_fleet_and_another_seed_another()
    {
        Assert.Equal(Fleet, SensorFleet.Create(SimulationWorld.Map, new SimulatorOptions()));
        Assert.NotEqual(Fleet.Select(s => s.Location), SensorFleet.Create(SimulationWorld.Map, new SimulatorOptions { Seed = 7 }).Select(s => s.Location));
    }
}
