using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Emergency;

public sealed class RainfallTests
{
    [Fact]
    public void A_gauge_reports_mm_per_hour_and_its_24_hour_total_sums_the_hours_that_fall_in_the_window()
    {
        // Start on the hour, so whole hours line up with the buckets.
        var (engine, time) = TestEngine.Create(new DateTimeOffset(2025, 6, 14, 10, 0, 0, TimeSpan.Zero));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("RG-1", SensorKind.RainGauge, new Thresholds(20, 35, 2))));

        // Three hours at 10, 20 and 30 mm/h: 60 mm.
        foreach (var mmPerHour in new[] { 10.0, 20.0, 30.0 })
        {
            for (var minute = 0; minute < 60; minute += 10)
            {
                TestEngine.Accept(engine.RecordObservation(new Observation("RG-1", mmPerHour, time.GetUtcNow())));
                time.Advance(TimeSpan.FromMinutes(10));
            }
        }

        var gauge = Assert.Single(engine.Snapshot().Rainfall);
        Assert.Equal((30.0, 60.0), (gauge.LastMmPerHour!.Value, gauge.Last24HoursMm));

        // 22 h later the first hour is half out of the window: 5 + 20 + 30.
        time.Advance(TimeSpan.FromHours(21.5));
        Assert.Equal(55.0, engine.Snapshot().Rainfall.Single().Last24HoursMm);
    }
}
