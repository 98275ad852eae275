using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Engine;

/// <summary>A removed sensor leaves no trace in the current figures and clears the alarm it held.</summary>
public class SensorRemovalTests
{
    [Fact]
    public void Removing_a_sensor_in_alarm_clears_the_alarm_and_takes_it_out_of_every_count_and_mean()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-2")));
        engine.Observe(time, "WL-1", 4.9);
        engine.Observe(time, "WL-2", 3.0);
        Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();

        TestEngine.Accept(engine.RemoveSensor("WL-1", "ingest:gateway"));

        var snapshot = engine.Snapshot();
        Assert.Empty(snapshot.ActiveAlarms);
        Assert.Null(engine.FindSensor("WL-1"));
        Assert.Equal(["WL-2"], snapshot.Sensors.Select(s => s.Definition.Id));
        var creek = snapshot.VitalSigns.Perception.Kinds.Single(k => k.Kind == SensorKind.CreekWaterLevel);
        Assert.Equal((1, 0, 3.0), (creek.Total, creek.Alarm, creek.Mean!.Value));
        Assert.Contains(engine.DrainEvents(), e => e is SensorRemoved { Sensor.Definition.Id: "WL-1", Actor: "ingest:gateway" });
        Assert.DoesNotContain(engine.DrainChangedSensors(), s => s.Definition.Id == "WL-1");
        Assert.False(engine.RemoveSensor("WL-1", "ingest:gateway").Accepted);
    }
}
