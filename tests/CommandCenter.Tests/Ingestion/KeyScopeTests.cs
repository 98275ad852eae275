using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Twin.Domain.Tickets;

using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// Each source's key opens only the APIs listed for it (issue 18 item 2) and files Open311
/// requests under its own channel; a CAP alert can be updated or cancelled only with the key that
/// sent it (issue 14 item 7). Every refusal is 403 and in the audit log.
/// </summary>
public sealed class KeyScopeTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Cap = "/api/alerts/cap";

    [Fact]
    public async Task A_sensor_gateways_key_posts_readings_but_gets_403_on_CAP_Open311_and_drone_routes_each_audited()
    {
        var client = app.KeyedClient(IngestionApp.SensorOnlyKey);
        var reading = await client.PostAsync("/sta/v1.1/Datastreams('S-TEST-0001')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-2))}}", "result": 58}"""));
        Assert.Equal(HttpStatusCode.Created, reading.StatusCode);

        var alarmsBefore = app.Count("alarms");
        var cap = await client.PostAsync(Cap, IngestionApp.Xml(CapSamples.Thunderstorm("SCOPE-1", app.InsidePoint())));
        Assert.Equal(HttpStatusCode.Forbidden, cap.StatusCode);
        Assert.Equal("application/problem+json", cap.Content.Headers.ContentType?.MediaType);
        Assert.Contains("may not use the cap API", Detail(await cap.Content.ReadAsStringAsync()));
        Assert.Equal(alarmsBefore, app.Count("alarms"));

        var ticketsBefore = app.Count("tickets");
        var open311 = await client.PostAsync("/open311/v2/requests.json", Open311Form(IngestionApp.SensorOnlyKey));
        Assert.Equal(HttpStatusCode.Forbidden, open311.StatusCode);
        Assert.Equal(ticketsBefore, app.Count("tickets"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync("/api/drones/routes", IngestionApp.Json("{}"))).StatusCode);

        var refusals = AuditRows("ingest:sensor-gateway");
        Assert.Contains(refusals, r => r.Target == "POST /api/alerts/cap" && r.Outcome == "denied" && r.Action == "authz.forbidden");
        Assert.Contains(refusals, r => r.Target == "POST /open311/v2/requests.json");
        Assert.Contains(refusals, r => r.Target == "PUT /api/drones/routes");
    }

    [Fact]
    public async Task A_12345_gateways_requests_are_filed_as_12345_and_it_cannot_post_readings()
    {
        var client = app.CreateClient();
        var response = await client.PostAsync("/open311/v2/requests.json", Open311Form(IngestionApp.HotlineKey));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        var ticket = await app.Runtime.Queries.FindTicketAsync(id);
        Assert.Equal(TicketChannel.Hotline12345, ticket!.Channel);

        var fromApp = await client.PostAsync("/open311/v2/requests.json", Open311Form(IngestionApp.Key, "另一处井盖缺失"));
        var appId = JsonDocument.Parse(await fromApp.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal(TicketChannel.CitizenApp, (await app.Runtime.Queries.FindTicketAsync(appId))!.Channel);

        var reading = await app.KeyedClient(IngestionApp.HotlineKey).PostAsync("/sta/v1.1/Datastreams('S-TEST-0002')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-2))}}", "result": 58}"""));
        Assert.Equal(HttpStatusCode.Forbidden, reading.StatusCode);
        Assert.Contains("may not use the sta-write API", Detail(await reading.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SensorThings_reads_are_public_but_a_key_presented_on_them_must_hold_sta_read()
    {
        const string url = "/sta/v1.1/Things('S-TEST-0001')";
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.KeyedClient(IngestionApp.SensorOnlyKey).GetAsync(url)).StatusCode);

        var hotline = await app.KeyedClient(IngestionApp.HotlineKey).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, hotline.StatusCode);
        Assert.Contains("may not use the sta-read API", Detail(await hotline.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.KeyedClient("not-a-key").GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_cancel_or_update_sent_with_another_sources_key_is_403_even_under_the_same_sender_name()
    {
        var created = await app.KeyedClient().PostAsync(Cap, IngestionApp.Xml(CapSamples.Thunderstorm("SCOPE-OWN-1", app.InsidePoint(2))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alarmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString()!;
        const string reference = "KSTO@NWS.NOAA.GOV,SCOPE-OWN-1,2003-06-17T14:57:00-07:00";

        // The other warning system's key may send CAP, and it claims the same sender name in the body.
        var other = app.KeyedClient(IngestionApp.OtherCapKey);
        var cancel = await other.PostAsync(Cap, IngestionApp.Xml(CapSamples.Cancel("KSTO@NWS.NOAA.GOV", "SCOPE-OWN-2", reference)));
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        var problem = JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("another source's API key", problem.GetProperty("detail").GetString());
        Assert.Equal(alarmId, problem.GetProperty("alarm").GetString());

        var update = Thunderstorm("SCOPE-OWN-3").Replace("<msgType>Alert</msgType>", $"<msgType>Update</msgType><references>{reference}</references>", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(Cap, IngestionApp.Xml(update))).StatusCode);
        await Task.Delay(300);
        Assert.Contains(app.Runtime.Queries.Current.ActiveAlarms, a => a.Id == alarmId);
        Assert.Equal(2, AuditRows("ingest:other-warnings").Count(r => r.Target == alarmId && r.Outcome == "denied"));

        var own = await app.KeyedClient().PostAsync(Cap, IngestionApp.Xml(CapSamples.Cancel("KSTO@NWS.NOAA.GOV", "SCOPE-OWN-4", reference)));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Eventually.Until(() => app.Runtime.Queries.Current.ActiveAlarms.All(a => a.Id != alarmId), "the owner's cancel clears the alarm", TimeSpan.FromSeconds(5));
    }

    private string Thunderstorm(string identifier) => CapSamples.Thunderstorm(identifier, app.InsidePoint(2));

    private FormUrlEncodedContent Open311Form(string key, string description = "人行道井盖缺失，夜间危险")
    {
        var at = app.InsidePoint(1);
        return IngestionApp.Form(
            ("api_key", key),
            ("service_code", "garbage-sorting"),
            ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)),
            ("description", description));
    }

    private List<(string Action, string? Target, string Outcome)> AuditRows(string actor)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT action, target, outcome FROM audit_log WHERE actor = $actor";
        command.Parameters.AddWithValue("$actor", actor);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static string Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!;
}
