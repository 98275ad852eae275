using Twin.Data.History;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Time;
using Xunit.Abstractions;

namespace Twin.Data.Tests.History;

/// <summary>
/// The warm start's hourly rollups against a brute-force recount: the same simulated day replayed
/// with every reading of every device (no episode-only shortcut), summed here hour by hour; on
/// each provider, since a first run on PostgreSQL writes them through the same prepared inserts.
/// </summary>
public sealed class WarmStartRollupTests(ITestOutputHelper output)
{
    private static DateTimeOffset Now => WarmStartTests.Now;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Rollups_agree_with_every_reading_the_simulator_makes(StorageProvider provider)
    {
        // A small fleet over two days, so that every reading can be made here; the rainy spell falls in them.
        var options = new SimulatorOptions { HistoryDays = 2, SensorCount = 60, TicketsPerDay = 200 };
        using var database = new TempDatabase(provider);
        await using var store = database.CreateStore();
        await store.InitializeAsync();
        var warmStart = new WarmStart(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options);
        var result = await warmStart.RunAsync(store, Now);

        var from = ShanghaiClock.StartOfDay(Now).AddDays(-options.HistoryDays);
        var currentHour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        var truth = EveryReading(options, warmStart.RainySpell(from, Now), from, currentHour);
        var stored = ReadRollups(database, "observation_hourly");
        Assert.Equal(result.HourlyRollups, stored.Count);
        Assert.Equal(truth.Keys.Order(), stored.Keys.Order());

        var exact = 0;
        foreach (var (key, hour) in stored)
        {
            var all = truth[key];
            Assert.Equal(all.Count, hour.Count);
            Assert.Equal(all[^1], hour.Last);
            Assert.InRange(hour.Min, all.Min() - 1e-9, all.Max() + 1e-9);
            Assert.InRange(hour.Max, hour.Min, all.Max() + 1e-9);

            // Twelve samples of ~100 readings: the mean within a third of the hour's spread (its error is a few hundredths of it).
            var spread = all.Max() - all.Min();
            Assert.True(Math.Abs(hour.Mean - all.Average()) <= (0.35 * spread) + 1e-9, $"{key}: mean {hour.Mean} against {all.Average()} (spread {spread})");
            if (hour.Min == all.Min() && hour.Max == all.Max() && Math.Abs(hour.Mean - all.Average()) < 1e-9)
            {
                exact++;
            }
        }

        // Hours with an episode, a silence or raw readings kept are summed over every reading.
        output.WriteLine($"{stored.Count} sensor hours, {exact} exact to the last digit");
        Assert.True(exact > 0);

        // Every raw reading the replay stored before the current hour lies within its hour's rollup, which counts it.
        using (var connection = database.OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT sensor_id, observed_at, value FROM observations WHERE observed_at < {currentHour.UtcTicks}";
            using var reader = command.ExecuteReader();
            var raw = 0;
            while (reader.Read())
            {
                var at = reader.GetInt64(1);
                var hour = stored[(reader.GetString(0), at - (at % TimeSpan.TicksPerHour))];
                Assert.InRange(reader.GetDouble(2), hour.Min, hour.Max);
                raw++;
            }

            Assert.True(raw > 1000, $"{raw} raw readings before the current hour");
        }

        // Each whole Shanghai day is its hours summed up.
        var days = ReadRollups(database, "observation_daily");
        Assert.Equal(60 * options.HistoryDays, days.Count);
        foreach (var ((sensor, day), rollup) in days)
        {
            var hours = stored.Where(h => h.Key.Sensor == sensor && h.Key.Hour >= day && h.Key.Hour < day + TimeSpan.TicksPerDay).OrderBy(h => h.Key.Hour).Select(h => h.Value).ToList();
            Assert.Equal(hours.Sum(h => h.Count), rollup.Count);
            Assert.Equal(hours.Min(h => h.Min), rollup.Min);
            Assert.Equal(hours.Max(h => h.Max), rollup.Max);
            Assert.Equal(hours[^1].Last, rollup.Last);
            Assert.Equal(hours.Sum(h => h.Mean * h.Count) / rollup.Count, rollup.Mean, 6);
        }

        // The rainy spell shows on the rain gauges while the creek gauges breach with it.
        var (rainFrom, rainUntil) = warmStart.RainySpell(from, Now);
        var rainy = stored.Where(h => h.Key.Sensor.StartsWith("S-RG-", StringComparison.Ordinal) && InSpell(h.Key.Hour, rainFrom, rainUntil)).ToList();
        var dry = stored.Where(h => h.Key.Sensor.StartsWith("S-RG-", StringComparison.Ordinal) && !InSpell(h.Key.Hour, rainFrom.AddHours(-1), rainUntil.AddHours(1))).ToList();
        Assert.NotEmpty(rainy);
        Assert.True(rainy.Average(h => h.Value.Mean) > 2 && dry.Average(h => h.Value.Mean) < 0.5, $"rain {rainy.Average(h => h.Value.Mean):F2} mm/h in the spell, {dry.Average(h => h.Value.Mean):F2} outside");
        Assert.Contains(stored, h => h.Key.Sensor.StartsWith("S-WL-", StringComparison.Ordinal) && InSpell(h.Key.Hour, rainFrom, rainUntil) && h.Value.Max >= 3.8);
    }

    private static bool InSpell(long hour, DateTimeOffset from, DateTimeOffset until) => hour >= from.UtcTicks && hour < until.UtcTicks;

    /// <summary>Each device's readings per hour, in time order: the simulator run with every reading, as live.</summary>
    private static Dictionary<(string Sensor, long Hour), List<double>> EveryReading(
        SimulatorOptions options, (DateTimeOffset From, DateTimeOffset Until) spell, DateTimeOffset from, DateTimeOffset until)
    {
        var simulator = new TwinSimulator(TestDistrict.Map, TestDistrict.Catalogue, TestDistrict.Cameras, options) { RunsScenario = false };
        simulator.AddRainySpell(spell.From, spell.Until);
        var readings = new Dictionary<(string, long), List<double>>();
        for (var step = from; step < until; step += TimeSpan.FromMinutes(5))
        {
            foreach (var command in simulator.Advance(step, step + TimeSpan.FromMinutes(5), null))
            {
                if (command is RecordObservationCommand { Observation: var o } && o.ObservedAt < until)
                {
                    var at = o.ObservedAt.UtcTicks;
                    var key = (o.SensorId, at - (at % TimeSpan.TicksPerHour));
                    if (!readings.TryGetValue(key, out var values))
                    {
                        readings[key] = values = [];
                    }

                    values.Add(o.Value);
                }
            }
        }

        return readings;
    }

    private sealed record Rollup(int Count, double Min, double Mean, double Max, double Last);

    private static Dictionary<(string Sensor, long Hour), Rollup> ReadRollups(TempDatabase database, string table)
    {
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sensor_id, period_start, count, min, mean, max, last FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(string, long), Rollup>();
        while (reader.Read())
        {
            rows[(reader.GetString(0), reader.GetInt64(1))] = new Rollup(reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
        }

        return rows;
    }
}
