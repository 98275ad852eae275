using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Twin.Domain.Geography;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// A 2xx means on disk: the real app runs as its own process (as in the browser tests'
/// AppServerFixture), takes an item, is killed with SIGKILL right after answering, and a new
/// process on the same database still has the item.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class KillTests : IDisposable
{
    private const string Key = "kill-test-key";
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

    private sealed class RealApp : IAsyncDisposable
    {
        private readonly Process _process;

        private RealApp(Process process, HttpClient http)
        {
            _process = process;
            Http = http;
        }

        public HttpClient Http { get; }

        public static async Task<RealApp> StartAsync(string directory)
        {
            var port = FreeLoopbackPort();
            var start = new ProcessStartInfo
            {
                FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CommandCenter.dll"), "--urls", $"http://127.0.0.1:{port}" },
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Twin__Storage__DatabasePath"] = Path.Combine(directory, "twin.db");
            // A small fleet keeps each of the four start-ups short; the simulator only provides sensors to post to.
            start.Environment["Twin__Simulator__SensorCount"] = "50";
            start.Environment["Twin__Simulator__HistoryDays"] = "0";
            start.Environment["Twin__Ingestion__Sources__0__Name"] = "kill-test";
            start.Environment["Twin__Ingestion__Sources__0__ApiKey"] = Key;
            start.Environment["Twin__Ingestion__Sources__0__RatePerMinute"] = "1000";
            start.Environment["Twin__Ingestion__Sources__0__Scopes__0"] = "sta-write";
            start.Environment["Twin__Ingestion__Sources__0__Scopes__1"] = "open311";
            start.Environment["Twin__Ingestion__Sources__0__Scopes__2"] = "cap";
            start.Environment["Twin__Ingestion__Sources__0__Scopes__3"] = "sta-read";
            start.Environment["Twin__Security__WallToken"] = TestAccounts.WallToken;
            start.Environment["Twin__Security__LoginAttemptsPerMinute"] = "100000";
            start.Environment.Remove("ASPNETCORE_URLS");
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start CommandCenter.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var app = new RealApp(process, http);
            try
            {
                await Eventually.Until(async () =>
                {
                    Assert.False(process.HasExited, "CommandCenter exited during start-up.");
                    try
                    {
                        return (await http.GetAsync("healthz")).IsSuccessStatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return false; // Not listening yet.
                    }
                }, "the started CommandCenter answers /healthz", TimeSpan.FromSeconds(180));
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        /// <summary>Signs in as the wall with the configured device token; the cookies carry its session.</summary>
        public async Task<CookieContainer> PairWallAsync()
        {
            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = Http.BaseAddress };
            await Eventually.Until(async () => (await client.GetAsync($"wall/pair?token={TestAccounts.WallToken}")).StatusCode == HttpStatusCode.Redirect,
                "the wall's pairing link signs it in");
            return cookies;
        }

        /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async Task<string> FirstSensorAsync()
        {
            string? id = null;
            await Eventually.Until(async () =>
            {
                var things = JsonDocument.Parse(await Http.GetStringAsync("sta/v1.1/Things?$top=1&$orderby=id")).RootElement;
                id = things.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("@iot.id").GetString()).FirstOrDefault();
                return id is not null;
            }, "the simulator registers its sensors");
            return id!;
        }

        /// <summary>A point inside Putuo: a sensor's Location.</summary>
        public async Task<GeoPoint> InsidePointAsync()
        {
            await FirstSensorAsync();
            var location = JsonDocument.Parse(await Http.GetStringAsync("sta/v1.1/Locations?$top=1&$orderby=id")).RootElement
                .GetProperty("value")[0].GetProperty("location").GetProperty("coordinates");
            return new GeoPoint(location[0].GetDouble(), location[1].GetDouble());
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            Http.Dispose();
            return ValueTask.CompletedTask;
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

/// <summary>Runs the kill test alone: four start-ups of a real process compete badly with the in-process apps of other classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillCollection
{
    public const string Name = "kill -9";
}
