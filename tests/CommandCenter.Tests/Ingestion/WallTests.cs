using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>Everything accepted reaches a hub subscriber (the wall's map) within one second of the 2xx.</summary>
public sealed class WallTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Tickets_observations_and_CAP_alarms_appear_on_the_hub_within_a_second()
    {
        await using var connection = app.CreateHubConnection();
        var replica = IngestionApp.Replica(connection);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived > 0, "the hub sends its first snapshot");
        var client = app.KeyedClient();
        var at = app.InsidePoint(6);

        var ticket = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("service_code", "noise"), ("lat", at.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), ("description", "墙上可见的工单")));
        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        var ticketId = JsonDocument.Parse(await ticket.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        await Eventually.Until(() => Seen(replica, ticketId), "the ticket reaches the hub within 1 s", Limit);

        var observation = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime":"{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-1))}}","result":77.125,"Datastream":{"@iot.id":"S-TEST-0005"} }"""));
        Assert.Equal(HttpStatusCode.Created, observation.StatusCode);
        await Eventually.Until(() => Seen(replica, "S-TEST-0005", "77.13"), "the reading reaches the hub within 1 s", Limit);

        var alert = await client.PostAsync("/api/alerts/cap", IngestionApp.Xml(CapSamples.Thunderstorm("WALL-1", at)));
        Assert.Equal(HttpStatusCode.Created, alert.StatusCode);
        var alarmId = JsonDocument.Parse(await alert.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString()!;
        await Eventually.Until(() => Seen(replica, alarmId, "\"area\":{\"type\":\"Polygon\""), "the CAP alarm and its area reach the hub within 1 s", Limit);
    }

    private static bool Seen(MapReplica replica, params string[] fragments) =>
        replica.RawMessages.Any(m => fragments.All(f => m.Contains(f, StringComparison.Ordinal)));
}
