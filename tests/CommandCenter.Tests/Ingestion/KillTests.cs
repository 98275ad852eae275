using System.Globalization;
using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// A 2xx means on disk: the real app runs as its own process (as in the browser tests'
/// AppServerFixture), takes an item, is killed with SIGKILL right after answering, and a new
/// process on the same database still has the item.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class KillTests : IDisposable
{
    private const string Key = RealApp.Key;
    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-kill-").FullName;

    public void Dispose() => IngestionApp.DeleteFolder(_directory);

    [Fact]
    public async Task Every_kind_of_item_answered_2xx_survives_kill_minus_9()
    {
        string ticketId;
        await using (var app = await RealApp.StartAsync(_directory))
        {
            var at = await app.InsidePointAsync();
            var response = await app.Http.PostAsync("open311/v2/requests.json", IngestionApp.Form(
                ("api_key", Key), ("service_code", "noise"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)), ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", "kill -9 之前受理")));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Kill();
            ticketId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        }

        string observationLink;
        string sensorId;
        await using (var app = await RealApp.StartAsync(_directory))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"open311/v2/requests/{ticketId}.json")).StatusCode);

            // A reading a little ahead of the simulator's, which runs at 1× and cannot have passed it yet.
            sensorId = await app.FirstSensorAsync();
            var body = $$"""{"phenomenonTime":"{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddMinutes(2))}}","result":12.5,"Datastream":{"@iot.id":"{{sensorId}}"} }""";
            var response = await app.Http.PostAsync("sta/v1.1/Observations", IngestionApp.Json(body));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Kill();
            observationLink = response.Headers.Location!.AbsolutePath.TrimStart('/');
        }

        string alarmId;
        await using (var app = await RealApp.StartAsync(_directory))
        {
            var observation = JsonDocument.Parse(await app.Http.GetStringAsync(observationLink + "?$expand=Datastream")).RootElement;
            Assert.Equal(12.5, observation.GetProperty("result").GetDouble());
            Assert.Equal(sensorId, observation.GetProperty("Datastream").GetProperty("@iot.id").GetString());

            var response = await app.Http.PostAsync("api/alerts/cap", IngestionApp.Xml(CapSamples.Thunderstorm("KILL-1", await app.InsidePointAsync())));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Kill();
            alarmId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString()!;
        }

        await using (var app = await RealApp.StartAsync(_directory))
        {
            // The alarm is active again with its area, rebuilt from the store, and a replay finds it.
            var wallCookies = await app.PairWallAsync();
            await using var connection = new HubConnectionBuilder().WithUrl(new Uri(app.Http.BaseAddress!, "hubs/twin"), o => o.Cookies = wallCookies).Build();
            var replica = new MapReplica(connection, recordStates: false);
            await connection.StartAsync();
            await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains(alarmId, StringComparison.Ordinal) && m.Contains("\"area\":{\"type\":\"Polygon\"", StringComparison.Ordinal)),
                "the restarted app sends the CAP alarm and its area to the hub");

            var replay = await app.Http.PostAsync("api/alerts/cap", IngestionApp.Xml(CapSamples.Thunderstorm("KILL-1", await app.InsidePointAsync())));
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal(alarmId, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString());
        }
    }
}

/// <summary>Runs the kill test alone: four start-ups of a real process compete badly with the in-process apps of other classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillCollection
{
    public const string Name = "kill -9";
}
