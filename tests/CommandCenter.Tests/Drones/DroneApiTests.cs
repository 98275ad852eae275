using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CommandCenter.Drones;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Drones;

/// <summary>The fleet's HTTP and hub API on the real app (simulator off): registration, telemetry, routes, flights and captures.</summary>
public sealed class DroneApiTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private static readonly GeoPoint Home = new(121.394871, 31.220367);

    [Fact]
    public async Task Telemetry_over_HTTP_is_accepted_or_refused_with_problem_details_and_nothing_half_written()
    {
        var id = await RegisterAsync();
        var client = app.KeyedClient();
        var at = app.Runtime.Clock.GetUtcNow();

        var ok = await client.PostAsync("/api/drones/telemetry", IngestionApp.Json(Report(id, at, Home.Lon, Home.Lat + 0.001)));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal(new GeoPoint(Home.Lon, Home.Lat + 0.001), Drone(id).Position);

        await AssertProblemAsync(client, Report(id, at.AddSeconds(5), 200, 31.2), 422, "bad coordinates");
        await AssertProblemAsync(client, Report(id, at.AddSeconds(5), 121.4737, 31.2304), 422, "outside the operating area");
        await AssertProblemAsync(client, Report(id, at.AddSeconds(5), Home.Lon, Home.Lat + 0.05), 422, "impossible jump");
        await AssertProblemAsync(client, Report(id, at.AddSeconds(-5), Home.Lon, Home.Lat), 422, "not after its last report");
        await AssertProblemAsync(client, Report(id, at.AddSeconds(5), Home.Lon, Home.Lat).Replace("\"linkPercent\":90,", "", StringComparison.Ordinal), 400, "linkPercent");
        await AssertProblemAsync(client, "{\"droneId\": \"" + id + "\", \"at\": \"2026-11-30T08:00:00\"}", 400, "ISO 8601");
        await AssertProblemAsync(client, "{not json", 400, "not a telemetry report");
        var telemetryRows = app.Count("drone_telemetry");

        var anonymous = await app.CreateClient().PostAsync("/api/drones/telemetry", IngestionApp.Json(Report(id, at.AddSeconds(5), Home.Lon, Home.Lat)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(new GeoPoint(Home.Lon, Home.Lat + 0.001), Drone(id).Position);
        Assert.Equal(telemetryRows, app.Count("drone_telemetry"));
    }

    [Fact]
    public async Task Telemetry_over_the_hub_from_a_connection_with_the_ingestion_key_is_answered_with_the_engines_verdict_and_the_fleet_is_pushed()
    {
        var id = await RegisterAsync();
        using var station = await app.SignInAsync(Roles.Wall);
        await using var hub = station.CreateHubConnection(apiKey: IngestionApp.Key);
        var fleets = new List<DroneFleetMessage>();
        hub.On<DroneFleetMessage>("Drones", fleet => { lock (fleets) fleets.Add(fleet); });
        await hub.StartAsync();
        var at = app.Runtime.Clock.GetUtcNow();

        var accepted = await hub.InvokeAsync<TelemetryAck>("SendDroneTelemetry", Message(id, at, Home.Lon, Home.Lat + 0.002));
        var refused = await hub.InvokeAsync<TelemetryAck>("SendDroneTelemetry", Message(id, at.AddSeconds(1), Home.Lon + 0.3, Home.Lat));

        Assert.True(accepted.Accepted, accepted.Reason);
        Assert.False(refused.Accepted);
        Assert.Contains("outside the operating area", refused.Reason);
        await Eventually.Until(() => Pushed(fleets, id, Home.Lat + 0.002), "the new position is pushed to the hub");
    }

    [Fact]
    public async Task A_route_file_is_replaced_only_when_it_is_valid()
    {
        var client = app.KeyedClient();
        using var wall = await app.SignInAsync(Roles.Wall);
        var before = await wall.Client.GetStringAsync("/api/drones/routes");

        var bad = await client.PutAsync("/api/drones/routes", IngestionApp.Json("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R1","name":"外滩"},"geometry":{"type":"LineString","coordinates":[[121.49,31.24],[121.50,31.23]]}}]}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await wall.Client.GetStringAsync("/api/drones/routes"));

        var replacement = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"R-TEST","name":"测试航线","altitudeMetres":60},"geometry":{"type":"LineString","coordinates":[[121.394871,31.220367],[121.40,31.222]]}}]}""";
        var good = await client.PutAsync("/api/drones/routes", IngestionApp.Json(replacement));
        Assert.True(good.IsSuccessStatusCode, await good.Content.ReadAsStringAsync());
        Assert.Equal(replacement, await wall.Client.GetStringAsync("/api/drones/routes"));

        var anonymous = await app.CreateClient().PutAsync("/api/drones/routes", IngestionApp.Json(before));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_drone_sent_to_a_ticket_flies_there_and_its_captured_frame_is_stored_on_the_ticket_with_its_hash()
    {
        var id = await RegisterAsync();
        var ticketId = await ReportTicketAsync();
        using var wall = await app.SignInAsync(Roles.Wall);
        var refusedToWall = await wall.Client.PostAsync($"/api/drones/{id}/missions", IngestionApp.Json($$"""{"kind":"ticketFlight","targetId":"{{ticketId}}"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, refusedToWall.StatusCode);
        using var officer = await app.SignInAsync(Roles.Officer);
        var client = officer.Client;

        var sent = await client.PostAsync($"/api/drones/{id}/missions", IngestionApp.Json($$"""{"kind":"ticketFlight","targetId":"{{ticketId}}"}"""));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var missionId = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("missionId").GetString()!;
        var illegal = await client.PostAsync($"/api/drones/missions/{missionId}/status", IngestionApp.Json("""{"status":"landed"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, illegal.StatusCode);
        Assert.Contains("cannot go from planned to landed", await illegal.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/drones/missions/{missionId}/status", IngestionApp.Json("""{"status":"flying"}"""))).StatusCode);

        var captured = await client.PostAsync($"/api/drones/{id}/captures", IngestionApp.Json($$"""{"ticketId":"{{ticketId}}"}"""));
        Assert.Equal(HttpStatusCode.Created, captured.StatusCode);
        var url = JsonDocument.Parse(await captured.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        var image = await client.GetAsync(url);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        JpegAssert.Valid(bytes, 640, 360);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", image.Headers.ETag?.Tag);

        var history = await app.Runtime.Store.GetTicketHistoryAsync(ticketId);
        var evidence = Assert.Single(history, h => h.Note?.Contains(url.Split('/')[^1].Replace(".jpg", "", StringComparison.Ordinal), StringComparison.Ordinal) == true);
        Assert.Contains(TestAccounts.UserNameFor(Roles.Officer), evidence.Actor, StringComparison.Ordinal);

        var unknownTicket = await client.PostAsync($"/api/drones/{id}/captures", IngestionApp.Json("""{"ticketId":"T-NOPE"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownTicket.StatusCode);
    }

    private static bool Pushed(List<DroneFleetMessage> fleets, string id, double lat)
    {
        lock (fleets)
        {
            return fleets.Any(f => f.Drones.Features.Any(d => d.Id == id && Math.Abs(d.Geometry.Coordinates[1] - lat) < 1e-6));
        }
    }

    private static async Task AssertProblemAsync(HttpClient client, string body, int status, string reason)
    {
        var response = await client.PostAsync("/api/drones/telemetry", IngestionApp.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }

    private async Task<string> RegisterAsync()
    {
        var id = "D-" + Guid.NewGuid().ToString("N")[..6];
        var response = await app.KeyedClient().PostAsync("/api/drones/", IngestionApp.Json(
            $$"""{"id":"{{id}}","model":"经纬 M30T","homeLon":{{Home.Lon}},"homeLat":{{Home.Lat}},"maxSpeedMps":15}"""));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<string> ReportTicketAsync()
    {
        var id = "DRONE-" + Guid.NewGuid().ToString("N")[..8];
        var report = new TicketReport(id, TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "苏州河步道有流动摊位", Home with { Lat = Home.Lat + 0.003 },
            "苏州河步道", null, new Reporter("网格员", "13800000000"), app.Runtime.Clock.GetUtcNow());
        var result = await app.Runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
        return id;
    }

    private Twin.Domain.Drones.DroneState Drone(string id) => app.Runtime.Engine.FindDrone(id)!;

    private static string Report(string id, DateTimeOffset at, double lon, double lat) =>
        JsonSerializer.Serialize(Message(id, at, lon, lat), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static DroneTelemetryMessage Message(string id, DateTimeOffset at, double lon, double lat) =>
        new(id, IngestionApp.Iso(at), lon, lat, 80, 90, 8, 75, 90);
}
