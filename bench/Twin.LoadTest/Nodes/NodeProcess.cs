using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityOps.AppProcesses;

namespace Twin.LoadTest.Nodes;

/// <summary>
/// One app node as its own process on a free loopback port, started as the failover test's
/// <c>RealApp</c> starts it (<c>AppProcess</c>, linked from the tests: Testing environment, a
/// 50-sensor fleet without history, one ingestion source, a configured wall token), so that it can
/// be killed with SIGKILL. The bench runs the <c>CommandCenter.dll</c> built beside it.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public const string Key = "node-bench-key";

    public const string WallToken = "node-bench-wall-token-0123456789abcdef";

    /// <summary>What the app logs when it takes the writer's lock (WriterLease; up to the apostrophe, which its JSON logs escape) and when its take-over is done (TwinHost).</summary>
    public const string LockTaken = "This node holds the writer";

    public const string TookOver = "Took over as the writer";

    /// <summary>What a follower logs at Debug per reload (TwinHost) and per reset its map publishes (MapBroadcaster): where its screens' lag goes.</summary>
    public static readonly string[] FollowTimings = ["Follower reload took", "Map reset told"];

    private readonly Process _process;

    private NodeProcess(string name, Process process, HttpClient http, ConcurrentQueue<(long At, string Line)> takeOverLines, ConcurrentQueue<string> timingLines)
    {
        Name = name;
        _process = process;
        Http = http;
        TakeOverLines = takeOverLines;
        TimingLines = timingLines;
    }

    public string Name { get; }

    public HttpClient Http { get; }

    public bool Alive => !_process.HasExited;

    /// <summary>The lines the app wrote that name a take-over (its lock, its parts), each with when it arrived (<see cref="Stopwatch"/> timestamp).</summary>
    public ConcurrentQueue<(long At, string Line)> TakeOverLines { get; }

    /// <summary>The lines of <see cref="FollowTimings"/> the app wrote, in order.</summary>
    public ConcurrentQueue<string> TimingLines { get; }

    public static async Task<NodeProcess> StartAsync(string name, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var lines = new ConcurrentQueue<(long At, string Line)>();
        var timings = new ConcurrentQueue<string>();
        var (process, baseAddress) = AppProcess.Start(
            directory, new IngestionSource("node-bench", Key, 100_000, ["open311", "sta-read", "sta-write"]), WallToken, environment,
            line =>
            {
                if (line.Contains(LockTaken, StringComparison.Ordinal) || line.Contains(TookOver, StringComparison.Ordinal))
                {
                    lines.Enqueue((Stopwatch.GetTimestamp(), line));
                }
                else if (FollowTimings.Any(t => line.Contains(t, StringComparison.Ordinal)))
                {
                    timings.Enqueue(line);
                }
            });
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var node = new NodeProcess(name, process, http, lines, timings);
        try
        {
            await Until(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"node {name} exited during start-up (code {process.ExitCode}).");
                }

                try
                {
                    return (await http.GetAsync("healthz")).IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false; // Not listening yet.
                }
            }, $"node {name} answers /healthz", TimeSpan.FromSeconds(240));
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>"writer" or "follower", from /healthz's twin check.</summary>
    public async Task<string> RoleAsync()
    {
        var description = JsonDocument.Parse(await Http.GetStringAsync("healthz")).RootElement
            .GetProperty("checks").GetProperty("twin").GetProperty("description").GetString()!;
        return description.Contains("as the writer", StringComparison.Ordinal) ? "writer" : "follower";
    }

    /// <summary>Signs in as the wall with the configured device token; the cookies carry its session.</summary>
    public async Task<CookieContainer> PairWallAsync()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Http.BaseAddress };
        await Until(async () => (await client.GetAsync($"wall/pair?token={WallToken}")).StatusCode == HttpStatusCode.Redirect,
            $"the wall's pairing link signs it in on node {Name}", TimeSpan.FromSeconds(60));
        return cookies;
    }

    /// <summary>A point inside Putuo (a sensor's Location) to report tickets at.</summary>
    public async Task<(double Lon, double Lat)> InsidePointAsync()
    {
        JsonElement coordinates = default;
        await Until(async () =>
        {
            var value = JsonDocument.Parse(await Http.GetStringAsync("sta/v1.1/Locations?$top=1&$orderby=id")).RootElement.GetProperty("value");
            if (value.GetArrayLength() == 0)
            {
                return false;
            }

            coordinates = value[0].GetProperty("location").GetProperty("coordinates").Clone();
            return true;
        }, $"the simulator on node {Name} registers its sensors", TimeSpan.FromSeconds(120));
        return (coordinates[0].GetDouble(), coordinates[1].GetDouble());
    }

    /// <summary>SIGKILL: no shutdown hooks; only what was committed survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }

    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
