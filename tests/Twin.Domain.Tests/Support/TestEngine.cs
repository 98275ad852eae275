using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Support;

public static class TestEngine
{
    /// <summary>10:00 in Shanghai on an ordinary Saturday.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 14, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<EventCatalogue> DefaultCatalogue = new(EventCatalogue.LoadDefault);

    public static EventCatalogue Catalogue => DefaultCatalogue.Value;

    /// <summary>
    /// An engine on a fake clock. Duplicate detection is off unless asked for: most tests repeat
    /// one ticket text at one place and are about something else.
    /// </summary>
    public static (TwinEngine Engine, FakeTimeProvider Time) Create(DateTimeOffset? start = null, DuplicateRules? duplicates = null, EvaluationWindow? evaluation = null)
    {
        var time = new FakeTimeProvider(start ?? Start);
        var options = new EngineOptions { Duplicates = duplicates ?? DuplicateRules.Off, Evaluation = evaluation ?? EvaluationWindow.Default };
        return (new TwinEngine(TestGeo.Putuo, Catalogue, time, options), time);
    }

    public static SensorDefinition Sensor(
        string id,
        SensorKind kind = SensorKind.CreekWaterLevel,
        Thresholds? thresholds = null,
        TimeSpan? reportInterval = null,
        GeoPoint? location = null) =>
        new(id, kind, $"测点{id}", location ?? TestGeo.Zhenru, "m", thresholds ?? new Thresholds(3.8, 4.5, 0.1), reportInterval ?? TimeSpan.FromMinutes(1));

    public static TicketReport Ticket(
        string id,
        DateTimeOffset reportedAt,
        TicketChannel channel = TicketChannel.Hotline12345,
        string category = "noise",
        GeoPoint? location = null,
        string? neighbourhoodCode = null,
        Reporter? reporter = null) =>
        new(id, channel, category, "夜间施工噪声扰民", "晚上十点后仍在施工", location ?? TestGeo.Changshou, "长寿路某号",
            neighbourhoodCode, reporter ?? new Reporter("李四", "13900001111"), reportedAt);

    /// <summary>Records an observation that must be accepted, one second after the last tick of the clock.</summary>
    public static void Observe(this TwinEngine engine, FakeTimeProvider time, string sensorId, double value, double? battery = null)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        var result = engine.RecordObservation(new Observation(sensorId, value, time.GetUtcNow(), battery));
        Assert.True(result.Accepted, result.Reason);
    }

    public static void Accept(InputResult result) => Assert.True(result.Accepted, result.Reason);
}
