using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Engine;

/// <summary>A reading older than the sensor's newest joins the history and changes nothing about the present.</summary>
public class LateObservationTests
{
    [Fact]
    public void A_late_reading_over_the_alarm_level_is_accepted_without_moving_the_value_state_or_health()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.Observe(time, "WL-1", 3.0);
        var newest = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(2));
        engine.DrainEvents();
        engine.DrainChangedSensors();

        TestEngine.Accept(engine.RecordObservation(new Observation("WL-1", 4.9, newest.AddSeconds(-30))));

        var sensor = engine.FindSensor("WL-1")!;
        Assert.Equal(3.0, sensor.LastValue);
        Assert.Equal(newest, sensor.LastObservedAt);
        Assert.Equal(ValueState.Normal, sensor.ValueState);
        Assert.Empty(engine.Snapshot().ActiveAlarms);
        Assert.Empty(engine.DrainEvents());
        Assert.Empty(engine.DrainChangedSensors());
    }

    [Fact]
    public void A_late_reading_counts_in_its_hour_of_the_kinds_series()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1")));
        engine.Observe(time, "WL-1", 3.0);
        time.Advance(TimeSpan.FromHours(1));
        engine.Observe(time, "WL-1", 3.2);

        TestEngine.Accept(engine.RecordObservation(new Observation("WL-1", 2.0, time.GetUtcNow().AddHours(-1).AddSeconds(-1))));

        var series = engine.Snapshot().VitalSigns.Perception.Kinds.Single(k => k.Kind == SensorKind.CreekWaterLevel).MeanPerHour;
        Assert.Equal(2.5, series[^2], 6);
        Assert.Equal(3.2, series[^1], 6);
    }
}
