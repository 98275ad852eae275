using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Twin.Domain.Datum;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Ingestion;

/// <summary>GeoReport v2 as the spec describes it, with the spec's own examples adapted to Putuo.</summary>
public sealed class Open311Tests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private readonly IngestionApp _app = app;

    [Fact]
    public async Task Services_are_the_event_catalogue_in_json_and_xml()
    {
        var client = _app.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json")).RootElement;
        var codes = json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.Equal(_app.Runtime.Catalogue.Categories.Select(c => c.Code), codes);
        Assert.All(json.EnumerateArray(), s =>
        {
            Assert.Equal("realtime", s.GetProperty("type").GetString());
            Assert.True(s.GetProperty("metadata").GetBoolean());
        });

        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(codes, xml.Root.Elements("service").Select(s => s.Element("service_code")!.Value));

        var definition = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/noise.json")).RootElement;
        Assert.Equal("noise", definition.GetProperty("service_code").GetString());
        Assert.Equal("priority", definition.GetProperty("attributes")[0].GetProperty("code").GetString());

        var missing = await client.GetAsync("/open311/v2/services/no-such-service.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Contains("no-such-service", error.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_specs_POST_example_creates_a_ticket_that_GET_shows_open_without_contact_details()
    {
        var client = _app.CreateClient();
        var at = _app.InsidePoint();

        // GeoReport v2's POST Service Request example, with a catalogue service and a point in Putuo.
        var response = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key),
            ("service_code", "garbage-sorting"),
            ("lat", at.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("address_string", "1234 5th street"),
            ("email", "smit333@sfgov.edu"),
            ("device_id", "tt222111"),
            ("account_id", "123456"),
            ("first_name", "john"),
            ("last_name", "smith"),
            ("phone", "111111111"),
            ("description", "A large sinkhole is destroying the street"),
            ("media_url", "http://mymedia.com/1234.jpg")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement[0];
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.StartsWith("O311-", id);

        // Acknowledged means applied: the ticket is in the twin as soon as the answer arrives.
        var ticket = _app.Runtime.Queries.Current.Tickets.Single(t => t.Id == id);
        Assert.Equal(TicketChannel.CitizenApp, ticket.Channel);
        Assert.Equal("garbage-sorting", ticket.CategoryCode);

        var one = await client.GetStringAsync($"/open311/v2/requests/{id}.json");
        var request = JsonDocument.Parse(one).RootElement[0];
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("garbage-sorting", request.GetProperty("service_code").GetString());
        Assert.Equal(at.Lat, request.GetProperty("lat").GetDouble(), 4);
        foreach (var secret in new[] { "smit333", "111111111", "john", "smith", "tt222111" })
        {
            Assert.DoesNotContain(secret, one, StringComparison.OrdinalIgnoreCase);
        }

        var list = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json?service_code=garbage-sorting&status=open")).RootElement;
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var closed = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json?status=closed")).RootElement;
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}"));
        Assert.Equal(id, xml.Root!.Element("request")!.Element("service_request_id")!.Value);
    }

    [Fact]
    public async Task Status_follows_the_ticket_with_public_text_and_no_staff_names_evidence_or_exact_place()
    {
        var client = _app.CreateClient();
        var id = await CreateAsync(client, "noise", "夜间施工噪音扰民");
        var before = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal("已收到您的诉求，正在登记。", before.GetProperty("status_notes").GetString());
        var result = await _app.Runtime.Commands.SubmitAsync(new ChangeTicketStatusCommand(id, TicketStatus.Closed, "值班员张警官",
            "无人机图像回传 · D-02 · E-7F3A · SHA-256 0123456789ab，张警官已协调施工单位停工"));
        Assert.True(result.Accepted, result.Reason);

        var json = await client.GetStringAsync($"/open311/v2/requests/{id}.json");
        var request = JsonDocument.Parse(json).RootElement[0];
        Assert.Equal("closed", request.GetProperty("status").GetString());
        Assert.Equal("诉求已办结，感谢您的反映。", request.GetProperty("status_notes").GetString());
        foreach (var staff in new[] { "张警官", "值班员", "D-02", "E-7F3A", "SHA-256", "无人机" })
        {
            Assert.DoesNotContain(staff, json);
        }

        foreach (var coordinate in new[] { "lat", "long" })
        {
            var value = request.GetProperty(coordinate).GetDouble();
            Assert.Equal(Math.Round(value, 4), value);
        }
    }

    [Fact]
    public async Task A_replayed_request_returns_the_same_id_and_creates_nothing()
    {
        var client = _app.CreateClient();
        var first = await CreateAsync(client, "street-vending", "占道经营");
        var tickets = _app.Count("tickets");

        var replays = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync("/open311/v2/requests.json", Form("street-vending", "占道经营"))));
        foreach (var replay in replays)
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal(first, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString());
        }

        Assert.Equal(tickets, _app.Count("tickets"));
        Assert.Equal(1, _app.Runtime.Queries.Current.Tickets.Count(t => t.Id == first));
    }

    [Fact]
    public async Task Gcj02_coordinates_are_converted_to_wgs84()
    {
        var client = _app.CreateClient();
        var wgs = _app.InsidePoint(2);
        var (gLon, gLat) = Gcj02.FromWgs84(wgs.Lon, wgs.Lat);
        var response = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", "noise"), ("datum", "gcj02"),
            ("lat", gLat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("long", gLon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("description", "GCJ-02 from a phone map")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        var ticket = _app.Runtime.Queries.Current.Tickets.Single(t => t.Id == id);
        Assert.Equal(wgs.Lon, ticket.Location.Lon, 6);
        Assert.Equal(wgs.Lat, ticket.Location.Lat, 6);
    }

    [Fact]
    public async Task Errors_use_the_specs_format_in_json_and_xml()
    {
        var client = _app.CreateClient();
        var noKey = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(("service_code", "noise"), ("lat", "31.24"), ("long", "121.43")));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(401, JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());

        var bad = await client.PostAsync("/open311/v2/requests.xml", IngestionApp.Form(("api_key", IngestionApp.Key), ("service_code", "noise")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = XDocument.Parse(await bad.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("400", error.Element("error")!.Element("code")!.Value);
        Assert.Contains("location", error.Element("error")!.Element("description")!.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_address_naming_a_subdistrict_is_placed_inside_it()
    {
        var client = _app.CreateClient();
        var sub = _app.Runtime.District.SubDistricts[1];
        var response = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", "noise"), ("address_string", $"上海市普陀区{sub.Name}某小区"), ("description", "广场舞噪音")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        Assert.Equal(sub.Code, _app.Runtime.Queries.Current.Tickets.Single(t => t.Id == id).SubDistrictCode);
    }

    private FormUrlEncodedContent Form(string service, string description)
    {
        var at = _app.InsidePoint(1);
        return IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", service),
            ("lat", at.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("description", description), ("phone", "13812345678"));
    }

    private async Task<string> CreateAsync(HttpClient client, string service, string description)
    {
        var response = await client.PostAsync("/open311/v2/requests.json", Form(service, description));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }
}
