using System.Globalization;
using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// A device measuring several things (a creek water-quality buoy: dissolved oxygen and ammonia) is
/// one Thing with one Datastream per quantity, each a sensor of the twin; and an integrator who
/// onboards entity by entity adds a Datastream to a Thing, and names Sensors, ObservedProperties
/// and Locations, each answered as SensorThings 1.1 answers a create, never half-written.
/// </summary>
public sealed class ThingDatastreamsTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Base = "/sta/v1.1";
    private const string Oxygen = "urn:cityops-twin:observed-property:dissolved-oxygen";
    private const string Ammonia = "urn:cityops-twin:observed-property:ammonia-nitrogen";

    [Fact]
    public async Task A_Thing_with_two_Datastreams_is_one_device_with_two_sensors_each_taking_its_own_readings()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var point = app.InsidePoint(1);

        var created = await client.PostAsync($"{Base}/Things", IngestionApp.Json(Buoy("GW-WQ-0001", point.Lon, point.Lat, Stream(null, "溶解氧", Oxygen), Stream("GW-WQ-0001-NH3", "氨氮", Ammonia))));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["GW-WQ-0001-dissolved-oxygen", "GW-WQ-0001-NH3"], body.GetProperty("Datastreams").EnumerateArray().Select(d => d.GetProperty("@iot.id").GetString()));
        Assert.Equal(["dissolved-oxygen", "ammonia-nitrogen"], body.GetProperty("properties").GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));

        var sensors = app.Runtime.Queries.Current.Sensors.Where(s => s.Definition.Thing == "GW-WQ-0001").ToList();
        Assert.Equal(2, sensors.Count);
        Assert.All(sensors, s => Assert.Equal(("苏州河水质浮标", point), (s.Definition.Name, s.Definition.Location)));

        var datastreams = await Get(client, $"{Base}/Things('GW-WQ-0001')/Datastreams");
        Assert.Equal(2, datastreams.GetProperty("value").GetArrayLength());
        var location = await Get(client, $"{Base}/Things('GW-WQ-0001')/Locations");
        Assert.Equal("GW-WQ-0001", Assert.Single(location.GetProperty("value").EnumerateArray()).GetProperty("@iot.id").GetString());
        Assert.Equal("GW-WQ-0001", (await Get(client, $"{Base}/Datastreams('GW-WQ-0001-NH3')/Thing")).GetProperty("@iot.id").GetString());
        Assert.Equal(Ammonia, (await Get(client, $"{Base}/Datastreams('GW-WQ-0001-NH3')/ObservedProperty")).GetProperty("definition").GetString());
        var things = await Get(client, $"{Base}/Things?$top=10000");
        Assert.Single(things.GetProperty("value").EnumerateArray(), t => t.GetProperty("@iot.id").GetString() == "GW-WQ-0001");

        var at = IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Datastreams('GW-WQ-0001-dissolved-oxygen')/Observations", IngestionApp.Json($$"""{"phenomenonTime": "{{at}}", "result": 6.5}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Datastreams('GW-WQ-0001-NH3')/Observations", IngestionApp.Json($$"""{"phenomenonTime": "{{at}}", "result": 0.8}"""))).StatusCode);
        await Eventually.Until(() => app.Runtime.Queries.Current.Sensors.Where(s => s.Definition.Thing == "GW-WQ-0001").Select(s => s.LastValue).OrderBy(v => v).SequenceEqual([0.8, 6.5]),
            "each Datastream's reading is its own sensor's value", TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"{Base}/Things('GW-WQ-0001')")).StatusCode);
        Assert.DoesNotContain(app.Runtime.Queries.Current.Sensors, s => s.Definition.Thing == "GW-WQ-0001");
    }

    [Fact]
    public async Task A_Thing_one_of_whose_Datastreams_is_refused_stores_none_of_them()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var point = app.InsidePoint(6);

        var wrongUnit = await client.PostAsync($"{Base}/Things", IngestionApp.Json(Buoy("GW-WQ-0002", point.Lon, point.Lat, Stream(null, "溶解氧", Oxygen), Stream(null, "氨氮", Ammonia, "ppm"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongUnit.StatusCode);
        Assert.Contains("ppm", await wrongUnit.Content.ReadAsStringAsync());
        var sameKindTwice = await client.PostAsync($"{Base}/Things", IngestionApp.Json(Buoy("GW-WQ-0002", point.Lon, point.Lat, Stream(null, "溶解氧 上", Oxygen), Stream(null, "溶解氧 下", Oxygen))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameKindTwice.StatusCode);
        Assert.Contains("@iot.id", await sameKindTwice.Content.ReadAsStringAsync());

        Assert.DoesNotContain(app.Runtime.Queries.Current.Sensors, s => s.Definition.Thing == "GW-WQ-0002");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/Things('GW-WQ-0002')")).StatusCode);
    }

    [Fact]
    public async Task A_Datastream_posted_alone_joins_its_Thing_at_the_Things_place()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var point = app.InsidePoint(7);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Things", IngestionApp.Json(Buoy("GW-WQ-0003", point.Lon, point.Lat, Stream(null, "溶解氧", Oxygen))))).StatusCode);

        var added = await client.PostAsync($"{Base}/Datastreams", IngestionApp.Json(
            """{"name": "氨氮", "unitOfMeasurement": {"name": "mg/L", "symbol": "mg/L", "definition": null}, "ObservedProperty": {"@iot.id": "ammonia-nitrogen"}, "Thing": {"@iot.id": "GW-WQ-0003"}}"""));
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.EndsWith("/Datastreams('GW-WQ-0003-ammonia-nitrogen')", added.Headers.Location!.ToString());
        var sensor = app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == "GW-WQ-0003-ammonia-nitrogen");
        Assert.Equal(("GW-WQ-0003", point), (sensor.Definition.Thing, sensor.Definition.Location));
        Assert.Equal(2, (await Get(client, $"{Base}/Things('GW-WQ-0003')/Datastreams")).GetProperty("value").GetArrayLength());

        var viaPath = await client.PostAsync($"{Base}/Things('GW-WQ-0003')/Datastreams", IngestionApp.Json(
            """{"@iot.id": "GW-WQ-0003-RAIN", "name": "雨量", "unitOfMeasurement": {"symbol": "mm/h"}, "ObservedProperty": {"definition": "urn:cityops-twin:observed-property:rain-gauge"}}"""));
        Assert.True(viaPath.StatusCode == HttpStatusCode.Created, await viaPath.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Base}/Things('GW-WQ-0003')/Datastreams", IngestionApp.Json(
            """{"@iot.id": "GW-WQ-0003-RAIN", "name": "雨量", "ObservedProperty": {"@iot.id": "rain-gauge"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"{Base}/Datastreams", IngestionApp.Json(
            """{"name": "孤儿", "ObservedProperty": {"@iot.id": "noise"}, "Thing": {"@iot.id": "GW-NO-SUCH-THING"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{Base}/Datastreams", IngestionApp.Json(
            """{"name": "无主", "ObservedProperty": {"@iot.id": "noise"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.KeyedClient(IngestionApp.HotlineKey).PostAsync($"{Base}/Datastreams", IngestionApp.Json(
            """{"name": "热线", "ObservedProperty": {"@iot.id": "noise"}, "Thing": {"@iot.id": "GW-WQ-0003"}}"""))).StatusCode);
        Assert.Equal(3, app.Runtime.Queries.Current.Sensors.Count(s => s.Definition.Thing == "GW-WQ-0003"));
    }

    [Fact]
    public async Task Sensors_ObservedProperties_and_Locations_posted_alone_answer_the_twins_own_or_say_why_not()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);

        var property = await client.PostAsync($"{Base}/ObservedProperties", IngestionApp.Json($$"""{"name": "DO", "definition": "{{Oxygen}}", "description": "溶解氧"}"""));
        Assert.Equal(HttpStatusCode.OK, property.StatusCode);
        Assert.EndsWith("/ObservedProperties('dissolved-oxygen')", property.Headers.Location!.ToString());
        var unknown = await client.PostAsync($"{Base}/ObservedProperties", IngestionApp.Json("""{"name": "T", "definition": "urn:example:temperature", "description": "温度"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains(Oxygen, await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{Base}/ObservedProperties", IngestionApp.Json("""{"name": "DO"}"""))).StatusCode);

        var sensor = await client.PostAsync($"{Base}/Sensors", IngestionApp.Json("""{"name": "声级计", "description": "噪声", "encodingType": "text/plain", "metadata": "IEC 61672", "properties": {"kind": "noise"}}"""));
        Assert.Equal(HttpStatusCode.OK, sensor.StatusCode);
        Assert.Equal("noise", JsonDocument.Parse(await sensor.Content.ReadAsStringAsync()).RootElement.GetProperty("@iot.id").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"{Base}/Sensors", IngestionApp.Json("""{"name": "温度计", "description": "t", "encodingType": "text/plain", "metadata": "x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{Base}/Sensors", IngestionApp.Json("""{"name": "声级计", "properties": {"kind": "noise"}}"""))).StatusCode);

        var point = app.InsidePoint(8);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Base}/Things", IngestionApp.Json(Buoy("GW-WQ-0004", point.Lon, point.Lat, Stream(null, "溶解氧", Oxygen))))).StatusCode);
        var here = await client.PostAsync($"{Base}/Locations", IngestionApp.Json(Location(point.Lon, point.Lat, """, "Things": [{"@iot.id": "GW-WQ-0004"}]""")));
        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        Assert.EndsWith("/Locations('GW-WQ-0004')", here.Headers.Location!.ToString());
        var moved = await client.PostAsync($"{Base}/Locations", IngestionApp.Json(Location(point.Lon + 0.01, point.Lat, """, "Things": [{"@iot.id": "GW-WQ-0004"}]""")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Contains("new Thing", await moved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"{Base}/Locations", IngestionApp.Json(Location(point.Lon, point.Lat, "")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{Base}/Locations", IngestionApp.Json("""{"name": "无坐标"}"""))).StatusCode);
        Assert.Equal(point, app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Thing == "GW-WQ-0004").Definition.Location);
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Stream(string? id, string name, string definition, string unit = "mg/L") =>
        "{" + (id is null ? string.Empty : $"\"@iot.id\": \"{id}\", ") + $$$"""
        "name": "{{{name}}}", "unitOfMeasurement": {"name": "{{{unit}}}", "symbol": "{{{unit}}}", "definition": null}, "ObservedProperty": {"name": "{{{name}}}", "definition": "{{{definition}}}", "description": ""}}
        """;

    private static string Buoy(string id, double lon, double lat, params string[] datastreams) => $$"""
        {"@iot.id": "{{id}}", "name": "苏州河水质浮标", "description": "水质多参数浮标",
         "Locations": [{{Location(lon, lat, "")}}],
         "Datastreams": [{{string.Join(", ", datastreams)}}]}
        """;

    private static string Location(double lon, double lat, string more) =>
        $$$"""{"name": "浮标位置", "description": "", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [{{{lon.ToString("R", CultureInfo.InvariantCulture)}}}, {{{lat.ToString("R", CultureInfo.InvariantCulture)}}}]}{{{more}}}}""";
}
