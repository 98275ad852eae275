using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// An integrator's first day with the simulator off (issue 18 item 1): a Thing deep-inserted with
/// its Location and Datastream becomes a sensor on the hub within a second, takes readings at once,
/// raises alarms at its configured levels and is still there after a restart.
/// </summary>
public sealed class OnboardingTests(OnboardingTests.App app) : IClassFixture<OnboardingTests.App>
{
    private const string Base = "/sta/v1.1";

    /// <summary>The ingestion app with levels configured for one gateway's sensor.</summary>
    public sealed class App : IngestionApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Twin:Sensors:Thresholds:GW-NOISE-0001:Warning", "60");
            builder.UseSetting("Twin:Sensors:Thresholds:GW-NOISE-0001:Alarm", "70");
            builder.UseSetting("Twin:Sensors:Thresholds:GW-NOISE-0001:Hysteresis", "2");
        }
    }

    [Fact]
    public async Task A_deep_inserted_Thing_is_on_the_hub_within_a_second_takes_readings_and_alarms_at_its_configured_level()
    {
        await using var connection = app.CreateHubConnection();
        var replica = IngestionApp.Replica(connection);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived > 0, "the hub sends its first snapshot", TimeSpan.FromSeconds(10));
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);

        var created = await client.PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-NOISE-0001", "长寿路噪声站 A", app.InsidePoint(2).Lon, app.InsidePoint(2).Lat)));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        Assert.EndsWith("/sta/v1.1/Things('GW-NOISE-0001')", created.Headers.Location!.ToString());
        var thing = JsonDocument.Parse(text).RootElement;
        Assert.Equal("GW-NOISE-0001", thing.GetProperty("Datastreams")[0].GetProperty("@iot.id").GetString());
        Assert.Equal("dB(A)", thing.GetProperty("Datastreams")[0].GetProperty("unitOfMeasurement").GetProperty("symbol").GetString());
        await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains("GW-NOISE-0001", StringComparison.Ordinal)), "the new sensor reached the hub within 1 s", TimeSpan.FromSeconds(1));

        // Readings go to the new Datastream at once; 72 dB(A) is over the configured alarm level of 70 (the kind's own is 75).
        var reading = await client.PostAsync($"{Base}/Datastreams('GW-NOISE-0001')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}", "result": 72}"""));
        Assert.Equal(HttpStatusCode.Created, reading.StatusCode);
        await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains("GW-NOISE-0001", StringComparison.Ordinal) && m.Contains("72", StringComparison.Ordinal)), "the reading reaches the hub within 1 s", TimeSpan.FromSeconds(1));
        Assert.Contains(app.Runtime.Queries.Current.ActiveAlarms, a => a.SourceId == "GW-NOISE-0001");
        var sensor = app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == "GW-NOISE-0001");
        Assert.Equal((60.0, 70.0), (sensor.Definition.Thresholds.Warning, sensor.Definition.Thresholds.Alarm));

        var again = await client.PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-NOISE-0001", "重复", app.InsidePoint(2).Lon, app.InsidePoint(2).Lat)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("urn:example:temperature", "none of this twin's sensor kinds")]
    [InlineData("urn:cityops-twin:observed-property:noise", "lies outside")]
    public async Task A_Thing_the_twin_cannot_take_is_422_with_the_reason(string definition, string reason)
    {
        var outside = definition.EndsWith("noise", StringComparison.Ordinal);
        var (lon, lat) = outside ? (121.4737, 31.2304) : (app.InsidePoint().Lon, app.InsidePoint().Lat);
        var response = await app.KeyedClient().PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-BAD-" + (outside ? "1" : "2"), "不收的站", lon, lat, definition)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_key_without_sta_write_cannot_onboard()
    {
        var response = await app.KeyedClient(IngestionApp.HotlineKey).PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-HOT-1", "热线网关", app.InsidePoint().Lon, app.InsidePoint().Lat)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_onboarded_sensor_survives_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cityops-ingest-tests", Guid.NewGuid().ToString("N"));
        await using (var first = IngestionApp.On(folder))
        {
            await first.StartAsync();
            var created = await first.KeyedClient().PostAsync($"{Base}/Things", IngestionApp.Json(
                Thing("GW-AQ-0001", "桃浦空气站", first.InsidePoint(4).Lon, first.InsidePoint(4).Lat, "urn:cityops-twin:observed-property:air-quality", "AQI")));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using (var second = IngestionApp.On(folder))
        {
            await second.StartAsync();
            var datastream = await second.CreateClient().GetAsync($"{Base}/Datastreams('GW-AQ-0001')/ObservedProperty");
            Assert.Equal(HttpStatusCode.OK, datastream.StatusCode);
            Assert.Equal("urn:cityops-twin:observed-property:air-quality",
                JsonDocument.Parse(await datastream.Content.ReadAsStringAsync()).RootElement.GetProperty("definition").GetString());
        }

        IngestionApp.DeleteFolder(folder);
    }

    [Fact]
    public async Task Deleting_a_Thing_takes_the_sensor_off_the_hub_with_its_observations_and_is_audited()
    {
        await using var connection = app.CreateHubConnection();
        var replica = IngestionApp.Replica(connection);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived > 0, "the hub sends its first snapshot", TimeSpan.FromSeconds(10));
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var point = app.InsidePoint(5);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-DEL-0001", "误建的站", point.Lon, point.Lat)))).StatusCode);
        var reading = await client.PostAsync($"{Base}/Datastreams('GW-DEL-0001')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}", "result": 90}"""));
        Assert.Equal(HttpStatusCode.Created, reading.StatusCode);
        await Eventually.Until(() => app.Runtime.Queries.Current.ActiveAlarms.Any(a => a.SourceId == "GW-DEL-0001"), "the reading raises its alarm", TimeSpan.FromSeconds(2));
        var removalsBefore = replica.RawMessages.Count;

        var deleted = await client.DeleteAsync($"{Base}/Things('GW-DEL-0001')");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/Things('GW-DEL-0001')")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(reading.Headers.Location!.ToString())).StatusCode);
        Assert.DoesNotContain(app.Runtime.Queries.Current.ActiveAlarms, a => a.SourceId == "GW-DEL-0001");
        await Eventually.Until(() => replica.RawMessages.Skip(removalsBefore).Any(m => m.Contains("GW-DEL-0001", StringComparison.Ordinal)), "the removal reached the hub within 1 s", TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{Base}/Things('GW-DEL-0001')")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.KeyedClient(IngestionApp.HotlineKey).DeleteAsync($"{Base}/Things('S-TEST-0001')")).StatusCode);
    }

    [Fact]
    public async Task Patching_renames_the_Thing_and_changes_its_Datastreams_report_interval_but_not_its_place()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var point = app.InsidePoint(3);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Things", IngestionApp.Json(Thing("GW-PATCH-0001", "旧名", point.Lon, point.Lat)))).StatusCode);

        var renamed = await client.PatchAsync($"{Base}/Things('GW-PATCH-0001')", IngestionApp.Json("""{"name": "曹杨新村噪声站"}"""));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("曹杨新村噪声站", JsonDocument.Parse(await renamed.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        var slower = await client.PatchAsync($"{Base}/Datastreams('GW-PATCH-0001')", IngestionApp.Json("""{"properties": {"reportIntervalSeconds": 300}}"""));
        Assert.Equal(HttpStatusCode.OK, slower.StatusCode);

        var sensor = app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == "GW-PATCH-0001");
        Assert.Equal(("曹杨新村噪声站", TimeSpan.FromMinutes(5)), (sensor.Definition.Name, sensor.Definition.ReportInterval));
        var moved = await client.PatchAsync($"{Base}/Things('GW-PATCH-0001')", IngestionApp.Json("""{"Locations": []}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsync($"{Base}/Things('GW-NONE')", IngestionApp.Json("""{"name": "x"}"""))).StatusCode);
    }

    [Fact]
    public void Thresholds_in_the_wrong_order_stop_the_start()
    {
        using var bad = new BadThresholdsApp();
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("Warning (80) must be below Alarm (70)", validation!.Message);
    }

    private sealed class BadThresholdsApp : IngestionApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Twin:Sensors:Thresholds:noise:Warning", "80");
            builder.UseSetting("Twin:Sensors:Thresholds:noise:Alarm", "70");
        }
    }

    private static string Thing(string id, string name, double lon, double lat, string definition = "urn:cityops-twin:observed-property:noise", string unit = "dB(A)") => $$"""
        {
          "@iot.id": "{{id}}",
          "name": "{{name}}",
          "description": "网关接入的感知设备",
          "Locations": [{
            "name": "{{name}} 安装点",
            "encodingType": "application/geo+json",
            "location": {"type": "Point", "coordinates": [{{lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, {{lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}]}
          }],
          "Datastreams": [{
            "name": "{{name}} 读数",
            "unitOfMeasurement": {"name": "{{unit}}", "symbol": "{{unit}}", "definition": null},
            "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
            "ObservedProperty": {"name": "measured", "definition": "{{definition}}", "description": ""},
            "Sensor": {"name": "gateway device", "encodingType": "text/plain", "metadata": "none"},
            "properties": {"reportIntervalSeconds": 30}
          }]
        }
        """;
}
