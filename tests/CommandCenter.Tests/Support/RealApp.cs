using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityOps.AppProcesses;
using Twin.Domain.Geography;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The real app as its own process on a free loopback port (as in the browser tests'
/// AppServerFixture), in Testing (Production's shape: its own key folder, JSON logs; a configured
/// wall token allowed, which Production refuses), with a small simulated fleet and one ingestion source, so
/// that it can be killed with SIGKILL and started again on the same database.
/// </summary>
public sealed class RealApp : IAsyncDisposable
{
    /// <summary>The ingestion key the app is started with (sent on every request of <see cref="Http"/>).</summary>
    public const string Key = "kill-test-key";

    private readonly Process _process;

    private RealApp(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<RealApp> StartAsync(string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (process, baseAddress) = AppProcess.Start(
            directory, new IngestionSource("kill-test", Key, 1000, ["open311", "sta-read", "sta-write", "cap", "drones", "ai-video"]), TestAccounts.WallToken, environment);
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
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
}
