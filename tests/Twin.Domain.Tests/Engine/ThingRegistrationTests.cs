using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Engine;

/// <summary>A device with several sensors (one SensorThings Thing, several Datastreams) is registered whole or not at all.</summary>
public sealed class ThingRegistrationTests
{
    [Fact]
    public void A_Things_sensors_are_registered_together_under_its_id()
    {
        var (engine, _) = TestEngine.Create();

        TestEngine.Accept(engine.RegisterThing([
            TestEngine.Sensor("BUOY-1-DO", SensorKind.DissolvedOxygen, new Thresholds(3, 2, 0.2, HighIsBad: false)) with { ThingId = "BUOY-1" },
            TestEngine.Sensor("BUOY-1-NH3", SensorKind.AmmoniaNitrogen, new Thresholds(1.5, 2, 0.1)) with { ThingId = "BUOY-1" },
        ]));

        var sensors = engine.Snapshot().Sensors.Where(s => s.Definition.Thing == "BUOY-1").Select(s => s.Definition.Id).Order().ToList();
        Assert.Equal(["BUOY-1-DO", "BUOY-1-NH3"], sensors);
        Assert.Equal("WL-9", TestEngine.Sensor("WL-9").Thing);
    }

    [Fact]
    public void One_bad_sensor_leaves_none_of_the_Thing_registered()
    {
        var (engine, _) = TestEngine.Create();
        engine.DrainEvents();
        var version = engine.Version;

        var refused = engine.RegisterThing([
            TestEngine.Sensor("BUOY-2-DO", SensorKind.DissolvedOxygen, new Thresholds(3, 2, 0.2, HighIsBad: false)) with { ThingId = "BUOY-2" },
            TestEngine.Sensor("BUOY-2-NH3", SensorKind.AmmoniaNitrogen, new Thresholds(2.5, 2, 0.1)) with { ThingId = "BUOY-2" },
        ]);

        Assert.False(refused.Accepted);
        Assert.Contains("BUOY-2-NH3", refused.Reason);
        Assert.DoesNotContain(engine.Snapshot().Sensors, s => s.Definition.Thing == "BUOY-2");
        Assert.Equal(version, engine.Version);
        Assert.Empty(engine.DrainEvents());
    }

    [Fact]
    public void A_Thing_id_already_in_use_or_sensors_in_two_places_are_refused()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("BUOY-3")));

        Assert.False(engine.RegisterThing([TestEngine.Sensor("BUOY-3-DO", SensorKind.DissolvedOxygen, new Thresholds(3, 2, 0.2, HighIsBad: false)) with { ThingId = "BUOY-3" }]).Accepted);
        Assert.False(engine.RegisterThing([
            TestEngine.Sensor("BUOY-4-A") with { ThingId = "BUOY-4" },
            TestEngine.Sensor("BUOY-4-B", location: TestGeo.Zhenru with { Lon = TestGeo.Zhenru.Lon + 0.001 }) with { ThingId = "BUOY-4" },
        ]).Accepted);
        Assert.Single(engine.Snapshot().Sensors);
    }
}
