using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>SensorThings API 1.1: the spec's own request examples, the query options and replays.</summary>
public sealed class SensorThingsTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Base = "/sta/v1.1";

    [Fact]
    public async Task Each_sensor_is_a_Thing_with_a_Location_and_a_Datastream_linked_per_spec()
    {
        var client = app.CreateClient();
        var root = await GetAsync(client, Base);
        Assert.Contains(root.GetProperty("value").EnumerateArray(), e => e.GetProperty("name").GetString() == "Observations");

        var things = await GetAsync(client, $"{Base}/Things?$count=true&$top=2&$orderby=id");
        Assert.Equal(IngestionApp.SensorIds.Count, things.GetProperty("@iot.count").GetInt32());
        Assert.Equal(2, things.GetProperty("value").GetArrayLength());
        var next = things.GetProperty("@iot.nextLink").GetString()!;
        Assert.Contains("$skip=2", Uri.UnescapeDataString(next));

        var thing = things.GetProperty("value")[0];
        Assert.Equal("S-TEST-0001", thing.GetProperty("@iot.id").GetString());
        Assert.EndsWith("/sta/v1.1/Things('S-TEST-0001')", thing.GetProperty("@iot.selfLink").GetString());
        var datastreams = await GetAsync(client, thing.GetProperty("Datastreams@iot.navigationLink").GetString()!);
        var datastream = Assert.Single(datastreams.GetProperty("value").EnumerateArray());
        Assert.Equal("S-TEST-0001", datastream.GetProperty("@iot.id").GetString());
        Assert.Equal("dB(A)", datastream.GetProperty("unitOfMeasurement").GetProperty("symbol").GetString());

        var location = (await GetAsync(client, thing.GetProperty("Locations@iot.navigationLink").GetString()!)).GetProperty("value")[0];
        Assert.Equal("Point", location.GetProperty("location").GetProperty("type").GetString());
        var sensor = await GetAsync(client, datastream.GetProperty("Sensor@iot.navigationLink").GetString()!);
        Assert.Equal("noise", sensor.GetProperty("@iot.id").GetString());
        var property = await GetAsync(client, datastream.GetProperty("ObservedProperty@iot.navigationLink").GetString()!);
        Assert.Equal("noise", property.GetProperty("@iot.id").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/Things('S-NOPE')")).StatusCode);
    }

    [Fact]
    public async Task The_specs_create_Observation_example_is_stored_once_and_read_back()
    {
        var client = app.KeyedClient();
        var time = DateTimeOffset.UtcNow.AddSeconds(-30);

        // SensorThings 1.1, 10.2 "Create an Observation": the example body with this twin's Datastream id.
        var body = $$"""
            {
              "phenomenonTime": "{{IngestionApp.Iso(time)}}",
              "resultTime" : "{{IngestionApp.Iso(time.AddSeconds(5))}}",
              "result" : 21.6,
              "Datastream":{"@iot.id": "S-TEST-0001"}
            }
            """;
        var before = app.Count("observations");
        var created = await client.PostAsync($"{Base}/Observations", IngestionApp.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Matches(@"/sta/v1\.1/Observations\(\d+\)$", location);

        var read = await GetAsync(client, location + "?$expand=Datastream");
        Assert.Equal(21.6, read.GetProperty("result").GetDouble());
        Assert.Equal("S-TEST-0001", read.GetProperty("Datastream").GetProperty("@iot.id").GetString());
        // A reading alone republishes the twin's picture within the pipeline's snapshot interval, not at once.
        await Eventually.Until(() => app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == "S-TEST-0001").LastValue == 21.6,
            "the twin's picture shows the reading 21.6");

        var replay = await client.PostAsync($"{Base}/Observations", IngestionApp.Json(body));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(location, replay.Headers.Location!.ToString());
        Assert.Equal(before + 1, app.Count("observations"));
    }

    [Fact]
    public async Task The_specs_CreateObservations_example_answers_with_selfLinks_and_replays_create_nothing()
    {
        var client = app.KeyedClient();

        // SensorThings 1.1, 14.2 "Create Observations with dataArray": the example but for the Datastream ids and
        // its day (2010 is older than the twin keeps late readings), still written with the compact offset -0700.
        var day = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(TimeSpan.FromHours(-7));
        var hour = new DateTimeOffset(day.Year, day.Month, day.Day, day.Hour, 0, 0, day.Offset);
        string At(int minute) => hour.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "-0700";
        var body = $$"""
            [
              {
                "Datastream": {"@iot.id": "S-TEST-0002"},
                "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                "dataArray@iot.count": 2,
                "dataArray": [
                  ["{{At(20)}}", 20, 1],
                  ["{{At(21)}}", 30, 1]
                ]
              },
              {
                "Datastream": {"@iot.id": "S-TEST-0003"},
                "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                "dataArray@iot.count": 2,
                "dataArray": [
                  ["{{At(20)}}", 65, 1],
                  ["{{At(21)}}", 60, 1]
                ]
              }
            ]
            """;
        var before = app.Count("observations");
        var response = await client.PostAsync($"{Base}/CreateObservations", IngestionApp.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var links = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(4, links.Count);
        Assert.All(links, l => Assert.Matches(@"/sta/v1\.1/Observations\(\d+\)$", l));
        Assert.Equal(before + 4, app.Count("observations"));

        var first = await GetAsync(client, links[0]);
        Assert.Equal(hour.AddMinutes(20).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.0000000Z'", System.Globalization.CultureInfo.InvariantCulture),
            first.GetProperty("phenomenonTime").GetString());

        var replay = await client.PostAsync($"{Base}/CreateObservations", IngestionApp.Json(body));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(links, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(before + 4, app.Count("observations"));

        // A reading older than the datastream's last one is kept (late data); one older than the twin keeps is refused: "error" in its place, per spec.
        var tooOld = IngestionApp.Iso(DateTimeOffset.UtcNow.AddDays(-8));
        var older = $$"""
            [{ "Datastream": {"@iot.id": "S-TEST-0002"}, "components": ["phenomenonTime", "result"],
               "dataArray": [["{{tooOld}}", 5], ["{{At(10)}}", 6]] }]
            """;
        var mixed = JsonDocument.Parse(await (await client.PostAsync($"{Base}/CreateObservations", IngestionApp.Json(older))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("error", mixed[0].GetString());
        Assert.Matches(@"Observations\(\d+\)$", mixed[1].GetString()!);
    }

    [Fact]
    public async Task Observations_answer_top_skip_count_orderby_filter_and_expand()
    {
        var client = app.KeyedClient();
        // Whole seconds, so the millisecond times sent compare with the filter's bound exactly.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddHours(-1);
        var rows = string.Join(",", Enumerable.Range(0, 10).Select(i => $"[\"{IngestionApp.Iso(start.AddMinutes(i))}\", {10 * (i + 1)}]"));
        var post = await client.PostAsync($"{Base}/CreateObservations", IngestionApp.Json(
            $$"""[{"Datastream": {"@iot.id": "S-TEST-0004"}, "components": ["phenomenonTime", "result"], "dataArray": [{{rows}}]}]"""));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        var filter = Uri.EscapeDataString($"result gt 25 and (phenomenonTime lt {IngestionApp.Iso(start.AddMinutes(8))} or result eq 100)");
        var page = await GetAsync(client, $"{Base}/Datastreams('S-TEST-0004')/Observations?$filter={filter}&$orderby=result desc&$count=true&$top=3&$expand=Datastream");
        Assert.Equal(7, page.GetProperty("@iot.count").GetInt32());
        Assert.Equal([100.0, 80, 70], page.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("result").GetDouble()));
        Assert.Equal("S-TEST-0004", page.GetProperty("value")[0].GetProperty("Datastream").GetProperty("@iot.id").GetString());

        var next = await GetAsync(client, page.GetProperty("@iot.nextLink").GetString()!);
        Assert.Equal([60.0, 50, 40], next.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("result").GetDouble()));
        var last = await GetAsync(client, next.GetProperty("@iot.nextLink").GetString()!);
        Assert.Equal([30.0], last.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("result").GetDouble()));
        Assert.False(last.TryGetProperty("@iot.nextLink", out _));

        var skipped = await GetAsync(client, $"{Base}/Datastreams('S-TEST-0004')/Observations?$orderby=phenomenonTime asc&$skip=8");
        Assert.Equal([90.0, 100], skipped.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("result").GetDouble()));

        var bad = await client.GetAsync($"{Base}/Observations?$filter=" + Uri.EscapeDataString("result gt 'x'"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
