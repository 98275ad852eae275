using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Tests.Support;

/// <summary>Builders for inputs the engine accepts, on a fake clock.</summary>
public static class Scenario
{
    /// <summary>10:00 in Shanghai.</summary>
    public static DateTimeOffset Morning { get; } = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock(DateTimeOffset? start = null) => new(start ?? Morning);

    /// <summary>Duplicate detection is off unless asked for: the scenarios repeat one ticket text at one place.</summary>
    public static TwinEngine Engine(TimeProvider time, DuplicateRules? duplicates = null) =>
        new(TestDistrict.Map, TestDistrict.Catalogue, time, new EngineOptions { Duplicates = duplicates ?? DuplicateRules.Off }, TestDistrict.Emergency);

    public static GeoPoint Point(int i) => TestDistrict.InsidePoints[i % TestDistrict.InsidePoints.Count];

    public static SensorDefinition Sensor(string id, SensorKind kind, int placement = 0) => new(
        id,
        kind,
        $"测点 {id}",
        Point(placement),
        kind == SensorKind.CreekWaterLevel ? "m" : "unit",
        new Thresholds(50, 80, 5),
        TimeSpan.FromMinutes(1));

    public static TicketReport Ticket(string id, DateTimeOffset reportedAt, TicketChannel channel = TicketChannel.Hotline12345, int placement = 0) => new(
        id,
        channel,
        TestDistrict.Catalogue.Categories[0].Code,
        "夜间施工噪声扰民",
        "工地夜间施工，噪声很大",
        Point(placement),
        "普陀区某路 100 号",
        null,
        new Reporter("张三丰", "13812345678"),
        reportedAt);

    public static AiVideoEvent AiEvent(string camera, DateTimeOffset at, int placement = 0) =>
        new(camera, "thrown-object", "高空抛物", Point(placement), AlarmSeverity.Major, at);
}
