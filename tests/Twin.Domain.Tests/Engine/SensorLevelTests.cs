using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Engine;

/// <summary>An admin's new levels count at once: the sensor's current value is judged again with them.</summary>
public class SensorLevelTests
{
    [Fact]
    public void Raising_the_levels_above_the_current_value_clears_its_alarm_at_once_and_lowering_them_raises_it()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.Observe(time, "WL-1", 4.9);
        Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();

        TestEngine.Accept(engine.SetSensorThresholds("WL-1", 5.5, 6.0, 0.2, "admin"));

        Assert.Empty(engine.Snapshot().ActiveAlarms);
        Assert.Equal(new Thresholds(5.5, 6.0, 0.2), engine.FindSensor("WL-1")!.Definition.Thresholds);
        Assert.Contains(engine.DrainEvents(), e => e is SensorThresholdsChanged { Actor: "admin", Previous.Alarm: 4.5, Sensor.Definition.Thresholds.Alarm: 6.0 });
        Assert.Contains(engine.DrainChangedSensors(), s => s.Definition.Id == "WL-1" && s.Definition.Thresholds.Warning == 5.5);

        TestEngine.Accept(engine.SetSensorThresholds("WL-1", 4.0, 4.8, 0.1, "admin"));
        Assert.Equal(ValueState.Alarm, engine.FindSensor("WL-1")!.ValueState);
        Assert.Single(engine.Snapshot().ActiveAlarms);
    }

    [Theory]
    [InlineData(4.5, 3.8, 0.1)]
    [InlineData(3.8, 4.5, 0.8)]
    [InlineData(3.8, 4.5, -0.1)]
    [InlineData(double.NaN, 4.5, 0.1)]
    public void Levels_that_cannot_work_are_refused_and_change_nothing(double warning, double alarm, double hysteresis)
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.DrainEvents();

        Assert.False(engine.SetSensorThresholds("WL-1", warning, alarm, hysteresis, "admin").Accepted);
        Assert.False(engine.SetSensorThresholds("WL-9", 3.8, 4.5, 0.1, "admin").Accepted);
        Assert.Equal(new Thresholds(3.8, 4.5, 0.1), engine.FindSensor("WL-1")!.Definition.Thresholds);
        Assert.Empty(engine.DrainEvents());
    }
}
