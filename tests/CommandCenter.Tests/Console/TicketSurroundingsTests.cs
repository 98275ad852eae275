using CommandCenter.Components.Console;
using CommandCenter.Localization;
using CommandCenter.Tests.Support;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>The ticket map's surroundings: the open cases and sensors a few hundred metres round the case, labelled in the page's language (issue 15).</summary>
public sealed class TicketSurroundingsTests : IAsyncLifetime
{
    private static readonly GeoPoint Here = new(121.4000, 31.2400);
    private QuietApp _app = default!;

    public async Task InitializeAsync() => _app = await QuietApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Open_cases_and_sensors_within_600_m_are_shown_nearest_first_and_nothing_farther_closed_or_already_related()
    {
        var ticket = Case("T-HERE", Here, TicketStatus.Filed);
        var snapshot = _app.Twin.Queries.Current with
        {
            Tickets =
            [
                ticket,
                Case("T-NEAR", Offset(200), TicketStatus.Dispatched),
                Case("T-CLOSED", Offset(100), TicketStatus.Closed),
                Case("T-FAR", Offset(900), TicketStatus.Filed),
                Case("T-RELATED", Offset(50), TicketStatus.Filed),
            ],
            Sensors =
            [
                Sensor("S-NOISE", Offset(300), 72.4, ValueState.Alarm, SensorHealth.Online),
                Sensor("S-OFF", Offset(150), null, ValueState.Normal, SensorHealth.Offline),
                Sensor("S-FAR", Offset(700), 50, ValueState.Normal, SensorHealth.Online),
            ],
        };

        var zh = TicketSurroundings.Around(ticket, snapshot, new HashSet<string> { "T-RELATED" }, Lang.Zh);
        var en = TicketSurroundings.Around(ticket, snapshot, new HashSet<string> { "T-RELATED" }, Lang.En);

        Assert.Equal(["nearby:T-NEAR", "sensor:S-OFF", "sensor:S-NOISE"], zh.Select(m => $"{m.Role}:{m.Id}"));
        Assert.Equal("环境噪声 72.4 dB(A)", zh.Single(m => m.Id == "S-NOISE").Label);
        Assert.StartsWith("Noise 72.4", en.Single(m => m.Id == "S-NOISE").Label);
        Assert.Contains("·", zh.Single(m => m.Id == "S-OFF").Label);
        Assert.NotEqual(zh.Single(m => m.Id == "S-NOISE").Color, zh.Single(m => m.Id == "S-OFF").Color);
    }

    /// <summary>A point <paramref name="metres"/> east of <see cref="Here"/> (about 95 km a degree of longitude at Shanghai).</summary>
    private static GeoPoint Offset(double metres) => new(Here.Lon + metres / 95_000, Here.Lat);

    private static TicketState Case(string id, GeoPoint at, TicketStatus status) => new(
        id, TicketChannel.Hotline12345, "noise", "噪声扰民", "夜间施工噪声", at, "普陀区", "310107015000", null, "", "",
        TicketPriority.Normal, status, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);

    private static SensorState Sensor(string id, GeoPoint at, double? value, ValueState state, SensorHealth health) => new(
        new SensorDefinition(id, SensorKind.Noise, id, at, "dB(A)", new Thresholds(65, 70, 2), TimeSpan.FromMinutes(1)),
        "310107015000", false, value, DateTimeOffset.UnixEpoch, null, state, health);
}
