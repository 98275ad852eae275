using CommandCenter.Live;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Time;

namespace CommandCenter.Tests.Wall;

/// <summary>The fake clock a test registers is the twin's clock too: an hour of the district passes in milliseconds.</summary>
public sealed class TwinClockTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new(builder =>
    {
        builder.UseSetting("Twin:Simulator:Enabled", "true");
        builder.UseSetting("Twin:Simulator:StartAt", TwinAppFactory.MorningPeak().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        // The fewest, slowest sensors: the hour's readings are then a few thousand, not tens of thousands.
        builder.UseSetting("Twin:Simulator:SensorCount", "50");
        builder.UseSetting("Twin:Simulator:SensorReportSecondsMin", "120");
        builder.UseSetting("Twin:Simulator:SensorReportSecondsMax", "300");
        builder.UseSetting("Twin:Simulator:DroneCount", "0");
        // An empty district: the hour under test is the only one, and no month of history is written first.
        builder.UseSetting("Twin:Simulator:HistoryDays", "0");
    });

    public Task InitializeAsync() => _app.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Advancing_the_fake_clock_an_hour_moves_the_twin_and_the_walls_figures()
    {
        var twin = _app.Services.AppTwin();
        var feed = _app.Services.GetRequiredService<WallFeed>();
        var start = twin.Clock.GetUtcNow();
        Assert.Equal(TwinAppFactory.MorningPeak(), start, TimeSpan.FromSeconds(1));
        var before = await Eventually.Value(() => feed.Current, "the wall's first snapshot");

        _app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(start.AddHours(1), twin.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));

        // The wall's feed polls on the same clock: each nudge lets it look again while the simulator catches up the hour.
        await Eventually.Until(() =>
        {
            _app.Clock.Advance(TimeSpan.FromMilliseconds(250));
            return feed.Current is { } now && now.VitalSigns.Pulse.TicketsLastHour >= 20 && now.At >= start.AddHours(1);
        }, "an hour of tickets shows on the wall", TimeSpan.FromSeconds(90));

        var after = feed.Current!;
        Assert.True(after.VitalSigns.Pulse.TicketsToday >= before.VitalSigns.Pulse.TicketsToday + 20,
            $"tickets today went from {before.VitalSigns.Pulse.TicketsToday} to {after.VitalSigns.Pulse.TicketsToday}");
        Assert.Equal(ShanghaiClock.StartOfDay(start), ShanghaiClock.StartOfDay(after.At));
    }
}
