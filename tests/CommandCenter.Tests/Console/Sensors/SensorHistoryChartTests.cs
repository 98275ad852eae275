using System.Globalization;
using Bunit;
using CommandCenter.Components.Console.Sensors;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;

namespace CommandCenter.Tests.Console.Sensors;

/// <summary>A sensor's readings from the running twin's store, drawn with its levels; the window buttons read the store again.</summary>
public sealed class SensorHistoryChartTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_chart_draws_the_stored_readings_between_the_sensors_warning_and_alarm_levels()
    {
        var queries = _app.Services.GetRequiredService<ITwinQueries>();
        await queries.WaitUntilReadyAsync();
        await using var ctx = ConsoleContext.Create(_app.Services);
        var sensor = await Eventually.Value(() => queries.Current.Sensors.FirstOrDefault(s => s.LastValue is not null), "a sensor that has reported");
        var levels = sensor.Definition.Thresholds;
        var clock = _app.Services.GetRequiredService<Twin.Domain.Time.TwinClock>();
        await Eventually.Until(
            async () => (await queries.GetSensorHistoryAsync(sensor.Definition.Id, clock.GetUtcNow().AddDays(-1), clock.GetUtcNow())).Count > 0,
            "the sensor's reading in the store");

        var chart = ctx.Render<SensorHistoryChart>(p => p.Add(c => c.SensorId, sensor.Definition.Id));

        chart.WaitForAssertion(
            () => Assert.True(int.Parse(chart.Find("[data-sensor-chart]").GetAttribute("data-points")!, CultureInfo.InvariantCulture) > 0, chart.Markup),
            TimeSpan.FromSeconds(20));
        Assert.NotEmpty(chart.FindAll("polyline.reading"));
        Assert.Contains($"预警 {levels.Warning.ToString("0.##", CultureInfo.InvariantCulture)}", chart.Markup, StringComparison.Ordinal);
        Assert.Contains($"告警 {levels.Alarm.ToString("0.##", CultureInfo.InvariantCulture)}", chart.Markup, StringComparison.Ordinal);
        Assert.Equal(2, chart.FindAll("line[data-threshold]").Count);
        Assert.Contains(sensor.Definition.Name, chart.Find("figcaption").TextContent, StringComparison.Ordinal);

        chart.Find("[data-window-button='Month']").Click();
        chart.WaitForAssertion(() =>
        {
            Assert.Equal("Month", chart.Find("[data-sensor-chart]").GetAttribute("data-window"));
            Assert.Equal("true", chart.Find("[data-window-button='Month']").GetAttribute("aria-pressed"));
            Assert.NotEmpty(chart.FindAll("polyline.reading"));
        });
    }
}
