using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Pipeline;

public abstract class ConcurrentInputTests(StorageProvider provider) : IDisposable
{
    private const int Producers = 8;
    private const int ReadingsEach = 1000;

    private readonly TempDatabase _db = new(provider);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Eight_producers_submitting_and_posting_at_once_lose_nothing()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        for (var p = 0; p < Producers; p++)
        {
            await twin.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor($"C-{p}", SensorKind.Noise, placement: p)));
        }

        var first = twin.Clock.GetUtcNow().AddHours(-1);
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            var acknowledged = new List<DateTimeOffset>();
            var posted = new List<DateTimeOffset>();
            for (var k = 0; k < ReadingsEach; k++)
            {
                var reading = new Observation($"C-{p}", k % 100, first.AddMilliseconds(k * 100));
                if ((k + p) % 2 == 0)
                {
                    var result = await twin.Pipeline.SubmitAsync(new RecordObservationCommand(reading));
                    Assert.True(result.Accepted, result.Reason);
                    acknowledged.Add(reading.ObservedAt);
                }
                else if (twin.Pipeline.TryPost(new RecordObservationCommand(reading)))
                {
                    posted.Add(reading.ObservedAt);
                }
            }

            return (Sensor: $"C-{p}", Acknowledged: acknowledged, Posted: posted);
        })).ToList();
        var outcomes = await Task.WhenAll(producers);
        await twin.StopAsync();

        foreach (var (sensor, acknowledged, posted) in outcomes)
        {
            var stored = (await twin.Store.GetObservationsAsync(sensor, first, first.AddDays(1))).Select(o => o.ObservedAt).ToList();
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.Empty(acknowledged.Except(stored));
            Assert.Equal(acknowledged.Count + posted.Count, stored.Count);
            Assert.Equal(acknowledged.Concat(posted).Order(), stored);
        }

        Assert.Equal(outcomes.Sum(o => o.Acknowledged.Count + o.Posted.Count), await twin.Store.CountObservationsAsync());
        Assert.Equal(Producers * ReadingsEach / 2, outcomes.Sum(o => o.Acknowledged.Count));
    }
}

public sealed class ConcurrentInputTestsOnSqlite() : ConcurrentInputTests(StorageProvider.Sqlite);

public sealed class ConcurrentInputTestsOnPostgres() : ConcurrentInputTests(StorageProvider.Postgres);
