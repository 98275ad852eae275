using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommandCenter.Tests.Ingestion;

/// <summary>Hostile or broken values (issue 14, item 6): impossible readings and CAP messages refused with the reason, nothing stored.</summary>
public sealed class PlausibilityTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Cap = "/api/alerts/cap";

    [Theory]
    [InlineData("1e308")]
    [InlineData("140.5")]
    [InlineData("-3")]
    public async Task A_noise_reading_outside_0_to_140_dB_is_422_naming_the_range(string result)
    {
        var before = app.Count("observations");
        var response = await app.KeyedClient().PostAsync("/sta/v1.1/Datastreams('S-TEST-0003')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}", "result": {{result}}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("plausible range of a Noise sensor (0–140 dB(A))", await Detail(response));
        Assert.Equal(before, app.Count("observations"));
        Assert.DoesNotContain(app.Runtime.Queries.Current.ActiveAlarms, a => a.SourceId == "S-TEST-0003");
    }

    [Fact]
    public async Task A_loud_but_possible_reading_is_taken()
    {
        var response = await app.KeyedClient().PostAsync("/sta/v1.1/Datastreams('S-TEST-0004')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}", "result": 139}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_CAP_area_of_the_whole_earth_or_a_province_is_refused_as_too_large()
    {
        var before = app.Count("alarms");
        var earth = Regex.Replace(CapSamples.Thunderstorm("PLAUS-EARTH", app.InsidePoint()), "<polygon>[^<]*</polygon>",
            "<polygon>-89,-179 -89,179 89,179 89,-179 -89,-179</polygon>");
        var response = await Post(earth);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("larger than the 500 km²", await Detail(response));

        // Half a degree each way around Putuo: some 10,000 km², the size of a province's warning.
        var province = await Post(CapSamples.Thunderstorm("PLAUS-PROVINCE", app.InsidePoint(), halfSizeDegrees: 0.5));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, province.StatusCode);
        Assert.Equal(before, app.Count("alarms"));

        Assert.Equal(HttpStatusCode.Created, (await Post(CapSamples.Thunderstorm("PLAUS-DISTRICT", app.InsidePoint(), halfSizeDegrees: 0.05))).StatusCode);
    }

    [Fact]
    public async Task A_CAP_area_that_misses_the_district_is_refused()
    {
        var response = await Post(CapSamples.Recent(CapSamples.ThunderstormVerbatim));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("does not reach", await Detail(response));
    }

    [Theory]
    [InlineData("sent", "9999-12-31T00:00:00+08:00", "ahead of the twin's clock")]
    [InlineData("sent", "2003-06-17T14:57:00-07:00", "more than 7 days before")]
    [InlineData("expires", "2003-06-17T16:00:00-07:00", "is not after <sent>")]
    [InlineData("expires", "2099-01-01T00:00:00+08:00", "more than 30 days after <sent>")]
    public async Task A_CAP_message_sent_or_expiring_at_an_impossible_time_is_refused(string element, string value, string reason)
    {
        var before = app.Count("alarms");
        var xml = Regex.Replace(CapSamples.Thunderstorm("PLAUS-TIME-" + element + value[..4], app.InsidePoint(2)), $"<{element}>[^<]*</{element}>", $"<{element}>{value}</{element}>");

        var response = await Post(xml);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await Detail(response));
        Assert.Equal(before, app.Count("alarms"));
    }

    private Task<HttpResponseMessage> Post(string xml) => app.KeyedClient().PostAsync(Cap, IngestionApp.Xml(xml));

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
