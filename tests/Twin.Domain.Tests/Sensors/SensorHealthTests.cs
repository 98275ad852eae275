using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Sensors;

/// <summary>Whether a device is reporting, told apart from what it reports.</summary>
public class SensorHealthTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_silent_sensor_goes_stale_then_offline_and_comes_back_with_a_reading()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", reportInterval: Interval)));
        engine.Observe(time, "WL-1", 3.0);
        var afterReading = Health(engine);

        time.Advance(Interval * 3 - TimeSpan.FromSeconds(1));
        engine.Tick();
        var justBeforeStale = Health(engine);
        time.Advance(TimeSpan.FromSeconds(2));
        engine.Tick();
        var stale = Health(engine);
        var staleFigures = engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!;

        time.Advance(Interval * 7 - TimeSpan.FromSeconds(2));
        engine.Tick();
        var justBeforeOffline = Health(engine);
        time.Advance(TimeSpan.FromSeconds(2));
        engine.Tick();
        var offline = Health(engine);
        var offlineFigures = engine.Snapshot().VitalSigns;

        engine.Observe(time, "WL-1", 3.1);
        var back = Health(engine);

        Assert.Equal(SensorHealth.Online, afterReading);
        Assert.Equal(SensorHealth.Online, justBeforeStale);
        Assert.Equal(SensorHealth.Stale, stale);
        Assert.Equal((0, 1, 0), (staleFigures.Online, staleFigures.Stale, staleFigures.Offline));
        Assert.Equal(SensorHealth.Stale, justBeforeOffline);
        Assert.Equal(SensorHealth.Offline, offline);
        Assert.Equal((0, 0, 1), (offlineFigures.Perception.Of(SensorKind.CreekWaterLevel)!.Online, offlineFigures.Perception.Of(SensorKind.CreekWaterLevel)!.Stale, offlineFigures.Perception.Of(SensorKind.CreekWaterLevel)!.Offline));
        Assert.Equal(0, offlineFigures.Look.SensorsOnline);
        Assert.Equal(SensorHealth.Online, back);
        Assert.Equal(1, engine.Snapshot().VitalSigns.Look.SensorsOnline);
    }

    [Fact]
    public void A_sensor_that_never_reports_goes_stale_counted_from_its_registration()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", reportInterval: Interval)));
        engine.Tick();
        var registered = Health(engine);

        time.Advance(Interval * 3 + TimeSpan.FromSeconds(1));
        engine.Tick();

        Assert.Equal(SensorHealth.Online, registered);
        Assert.Equal(SensorHealth.Stale, Health(engine));
    }

    [Fact]
    public void A_battery_below_15_percent_is_reported_as_low_but_still_online()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", reportInterval: Interval)));

        engine.Observe(time, "WL-1", 3.0, battery: 15);
        var at15 = Health(engine);
        engine.Observe(time, "WL-1", 3.0, battery: 14.9);
        var at14 = Health(engine);
        engine.Observe(time, "WL-1", 3.0);
        var withoutBatteryReading = engine.FindSensor("WL-1")!;
        var figures = engine.Snapshot().VitalSigns;

        Assert.Equal(SensorHealth.Online, at15);
        Assert.Equal(SensorHealth.LowBattery, at14);
        Assert.Equal(SensorHealth.LowBattery, withoutBatteryReading.Health);
        Assert.Equal(14.9, withoutBatteryReading.BatteryPercent);
        Assert.Equal(1, figures.Look.SensorsOnline);
        Assert.Equal(1, figures.Perception.Of(SensorKind.CreekWaterLevel)!.Online);

        engine.Observe(time, "WL-1", 3.0, battery: 80);
        Assert.Equal(SensorHealth.Online, Health(engine));
    }

    [Fact]
    public void Going_offline_leaves_the_value_state_and_its_alarm_as_they_were()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", reportInterval: Interval)));
        engine.Observe(time, "WL-1", 4.0);
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();

        time.Advance(Interval * 11);
        engine.Tick();
        var sensor = engine.FindSensor("WL-1")!;
        var events = engine.DrainEvents();

        Assert.Equal(SensorHealth.Offline, sensor.Health);
        Assert.Equal(ValueState.Warning, sensor.ValueState);
        Assert.Equal(4.0, sensor.LastValue);
        Assert.Equal(alarm.Id, Assert.Single(engine.Snapshot().ActiveAlarms).Id);
        Assert.Equal(1, engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!.Warning);
        Assert.Empty(events.OfType<AlarmChanged>());
        Assert.Equal(SensorHealth.Offline, Assert.Single(events.OfType<SensorHealthChanged>()).Sensor.Health);
    }

    [Fact]
    public void Crossing_a_threshold_leaves_the_health_as_it_was()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", reportInterval: Interval)));
        engine.Observe(time, "WL-1", 3.0, battery: 10);
        engine.DrainEvents();

        engine.Observe(time, "WL-1", 4.7);
        var sensor = engine.FindSensor("WL-1")!;
        var events = engine.DrainEvents();

        Assert.Equal(ValueState.Alarm, sensor.ValueState);
        Assert.Equal(SensorHealth.LowBattery, sensor.Health);
        Assert.Empty(events.OfType<SensorHealthChanged>());
        Assert.Single(events.OfType<AlarmChanged>(), e => e.Change == AlarmChange.Raised);
    }

    private static SensorHealth Health(TwinEngine engine) => engine.FindSensor("WL-1")!.Health;
}
