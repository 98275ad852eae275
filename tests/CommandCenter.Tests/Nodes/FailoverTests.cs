using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Scenes;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// Two real app processes on one PostgreSQL database and one Redis backplane (docs/two-nodes.md): A starts first and
/// becomes the writer, B follows. Readings and tickets are posted to both; A is killed with SIGKILL
/// mid-stream. B must take over and write within 10 s, every request either node acknowledged must
/// be in the store, and a wall on B must keep receiving changes in seq order. An officer signed in on
/// B sends a drone to a ticket the moment A dies: B must answer 201 once it writes, and the mission
/// must be in the store. Before the kill, walls on both nodes must get one and the same sequence of
/// scenes: only the writer's director rotates.
/// </summary>
[Collection(KillCollection.Name)]
public sealed partial class FailoverTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The issue's bound on a failover: kill to the survivor's first commit.</summary>
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(10);

    /// <summary>An officer created by the app itself at start (<c>Twin:Security:SeededAccounts</c>, allowed in Testing): a test process cannot make one in the real processes' store otherwise.</summary>
    private const string Officer = "failover-officer";

    private const string OfficerPassword = "failover-officer-passw0rd";

    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-failover-").FullName;

    public void Dispose() => IngestionApp.DeleteFolder(_directory);

    [Fact]
    public async Task Killing_the_writer_hands_over_to_the_other_node_with_nothing_acknowledged_lost()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var environment = await TwoNodes.EnvironmentAsync(database);

        // Two daily scenes at the shortest turn allowed, so that walls see turns while the readings flow.
        environment["Twin__Wall__SceneRotation"] = "district,corridor";
        environment["Twin__Wall__SceneSeconds"] = "10";
        environment["Twin__Security__SeededAccounts__0__UserName"] = Officer;
        environment["Twin__Security__SeededAccounts__0__Password"] = OfficerPassword;
        environment["Twin__Security__SeededAccounts__0__DisplayName"] = "切换测试值班员";
        environment["Twin__Security__SeededAccounts__0__Role"] = "officer";
        environment["Twin__Security__SeededAccounts__0__Organisation"] = "centre";
        await using var a = await RealApp.StartAsync(Path.Combine(_directory, "a"), environment);
        var sensors = await SensorIdsAsync(a);
        await using var b = await RealApp.StartAsync(Path.Combine(_directory, "b"), environment);
        var inside = await b.InsidePointAsync();
        Assert.Contains("as the writer", await TwoNodes.TwinCheckAsync(a), StringComparison.Ordinal);
        Assert.Contains("following the writer", await TwoNodes.TwinCheckAsync(b), StringComparison.Ordinal);

        var wallCookies = await b.PairWallAsync();
        await using var wall = new HubConnectionBuilder().WithUrl(new Uri(b.Http.BaseAddress!, "hubs/twin"), o => o.Cookies = wallCookies).Build();
        var replica = new MapReplica(wall, recordStates: false);
        var scenesOnB = new ConcurrentQueue<WallSceneMessage>();
        wall.On<WallSceneMessage>("Scene", scenesOnB.Enqueue);
        await wall.StartAsync();
        var wallOnACookies = await a.PairWallAsync();
        await using var wallOnA = new HubConnectionBuilder().WithUrl(new Uri(a.Http.BaseAddress!, "hubs/twin"), o => o.Cookies = wallOnACookies).Build();
        var scenesOnA = new ConcurrentQueue<WallSceneMessage>();
        wallOnA.On<WallSceneMessage>("Scene", scenesOnA.Enqueue);
        await wallOnA.StartAsync();
        var bothWatching = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var acknowledged = new Acknowledged();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var postingA = PostUntilStoppedAsync(a, "A", sensors[0], inside, acknowledged, clock, stop.Token);
        var postingB = PostUntilStoppedAsync(b, "B", sensors[1], inside, acknowledged, clock, stop.Token);

        // Mid-stream: both nodes have had requests acknowledged (B's through the writer's inbox).
        await Eventually.Until(() => acknowledged.Count("A") >= 5 && acknowledged.Count("B") >= 5, "both nodes acknowledge readings and tickets", TimeSpan.FromSeconds(60));

        // Two turns of the rotation seen on both nodes' walls: one sequence, each turn once (two directors would each send theirs).
        await Eventually.Until(() => Turns(scenesOnA, bothWatching).Count >= 2 && Turns(scenesOnB, bothWatching).Count >= 2, "walls on both nodes see two turns of the rotation", TimeSpan.FromSeconds(45));
        var turnsOnA = Turns(scenesOnA, bothWatching);
        var turnsOnB = Turns(scenesOnB, bothWatching);
        output.WriteLine($"Scenes on A: {string.Join(", ", turnsOnA)}; on B: {string.Join(", ", turnsOnB)}.");
        Assert.Equal(turnsOnA.Take(2), turnsOnB.Take(2));
        Assert.All(turnsOnA.Zip(turnsOnA.Skip(1)), pair => Assert.NotEqual(pair.First.Scene, pair.Second.Scene));
        await wallOnA.DisposeAsync();
        using var officer = await SignInOfficerAsync(b);
        var drone = await FirstDroneAsync(officer);
        var target = await OpenTicketAsync(b, acknowledged.Tickets.Select(t => t.Id));

        // Taken once A has exited: a request B sent while A was still dying may rightly have been committed by A.
        a.Kill();
        var killedAt = clock.Elapsed;

        // The officer's action waits in the inbox while no node writes, and is answered once B does.
        var mission = await officer.PostAsync($"api/drones/{drone}/missions", IngestionApp.Json($$"""{"kind":"ticketFlight","targetId":"{{target}}"}"""));
        var missionAnswered = clock.Elapsed - killedAt;
        Assert.True(mission.StatusCode == HttpStatusCode.Created, $"the officer's drone mission on B answered {(int)mission.StatusCode}: {await mission.Content.ReadAsStringAsync()}");
        var missionId = JsonDocument.Parse(await mission.Content.ReadAsStringAsync()).RootElement.GetProperty("missionId").GetString()!;
        output.WriteLine($"The officer's drone mission {missionId}, sent on B at the kill, was answered 201 {missionAnswered.TotalSeconds:F1} s after it.");

        await Eventually.Until(() => acknowledged.FirstAnsweredOfSentAfter("B", killedAt) is not null, "node B acknowledges a request sent after the writer was killed", TimeSpan.FromSeconds(30));
        var takenOver = acknowledged.FirstAnsweredOfSentAfter("B", killedAt)!.Value - killedAt;
        Assert.True(takenOver <= FailoverBound, $"B acknowledged its first request sent after the kill {takenOver.TotalSeconds:F1} s after it (bound {FailoverBound.TotalSeconds} s).");
        Assert.Contains("as the writer", await TwoNodes.TwinCheckAsync(b), StringComparison.Ordinal);
        output.WriteLine($"Failover: B acknowledged a request sent after the kill {takenOver.TotalSeconds:F1} s after it; {acknowledged.Count("A")} acknowledged by A, {acknowledged.CountAtTime("B", killedAt)} by B before the kill.");

        var seqAtTakeOver = replica.Seq;
        await Eventually.Until(() => acknowledged.Count("B") >= acknowledged.CountAtTime("B", killedAt) + 10, "B keeps acknowledging after the take-over", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(postingA, postingB);

        // A ticket reported to the survivor after the take-over reaches its wall as a change.
        var lastTicket = acknowledged.Tickets.Last(t => t.Node == "B").Id;
        await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains(lastTicket, StringComparison.Ordinal)), $"the wall on B receives ticket {lastTicket} reported after the take-over");
        var after = replica.DeltaSeqs.Where(s => s > seqAtTakeOver).ToList();
        Assert.True(after.Count > 0, $"the wall on B received no delta after seq {seqAtTakeOver} (snapshots {replica.SnapshotsReceived}).");
        Assert.Equal(after.Order(), after);
        Assert.Equal(after.Count, after.Distinct().Count());

        // Everything either node answered 201 is in the store.
        var ticketIds = acknowledged.Tickets.Select(t => t.Id).ToList();
        var storedTickets = await database.ExistingAsync("tickets", ticketIds);
        Assert.True(storedTickets.Count == ticketIds.Count, $"acknowledged tickets missing from the store: {string.Join(", ", ticketIds.Except(storedTickets))}");
        var readingIds = acknowledged.Readings.Select(r => r.Id).ToList();
        var storedReadings = await database.ExistingAsync("observations", readingIds);
        Assert.True(storedReadings.Count == readingIds.Count, $"acknowledged readings missing from the store: {string.Join(", ", readingIds.Except(storedReadings))}");

        Assert.Contains(missionId, await database.ExistingAsync("missions", [missionId]));

        // The survivor answers from what it now writes: an acknowledged ticket of the dead node is there too.
        var deadNodesTicket = acknowledged.Tickets.Last(t => t.Node == "A").Id;
        Assert.Equal(HttpStatusCode.OK, (await b.Http.GetAsync($"open311/v2/requests/{deadNodesTicket}.json")).StatusCode);
    }

    /// <summary>One reading and one ticket after another, until stopped; a refused or failed request is simply not acknowledged.</summary>
    private static async Task PostUntilStoppedAsync(RealApp node, string name, string sensorId, Twin.Domain.Geography.GeoPoint at, Acknowledged acknowledged, Stopwatch clock, CancellationToken stop)
    {
        // Each node's readings go to their own sensor, a second apart in phenomenon time, so none is late or a duplicate.
        var readingAt = DateTimeOffset.UtcNow.AddMinutes(2);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var sent = clock.Elapsed;
            try
            {
                readingAt = readingAt.AddSeconds(1);
                var body = $$"""{"phenomenonTime":"{{IngestionApp.Iso(readingAt)}}","result":{{i % 40}},"Datastream":{"@iot.id":"{{sensorId}}"} }""";
                var reading = await node.Http.PostAsync("sta/v1.1/Observations", IngestionApp.Json(body), stop);
                if (reading.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Reading(name, long.Parse(ObservationId().Match(reading.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture), sent, clock.Elapsed);
                }

                sent = clock.Elapsed;
                var ticket = await node.Http.PostAsync("open311/v2/requests.json", IngestionApp.Form(
                    ("api_key", RealApp.Key), ("service_code", "noise"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)),
                    ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", $"节点 {name} 第 {i} 件")), stop);
                if (ticket.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Ticket(name, JsonDocument.Parse(await ticket.Content.ReadAsStringAsync(stop)).RootElement[0].GetProperty("service_request_id").GetString()!, sent, clock.Elapsed);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The killed node, or a request cut off by the stop: not acknowledged, so nothing is owed.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>Signs the seeded officer in on <paramref name="node"/> through the login form, as a browser does; the client carries the session's cookie.</summary>
    private static async Task<HttpClient> SignInOfficerAsync(RealApp node)
    {
        // Long enough for a hand-off that waits out the take-over (Twin:Nodes:HandOffTimeout, 30 s).
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(40),
        };
        var login = await TestAccounts.PostLoginAsync(client, Officer, OfficerPassword);
        Assert.True(login.StatusCode == HttpStatusCode.Redirect && login.Headers.Location?.OriginalString == "/console",
            $"the seeded officer's sign-in on B answered {(int)login.StatusCode} to {login.Headers.Location}");
        return client;
    }

    /// <summary>The first of <paramref name="ids"/> still open: the reports at one place are merged into the first one's case (一口派单), which a drone can fly to.</summary>
    private static async Task<string> OpenTicketAsync(RealApp node, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var ticket = JsonDocument.Parse(await node.Http.GetStringAsync($"open311/v2/requests/{id}.json")).RootElement[0];
            if (ticket.GetProperty("status").GetString() == "open")
            {
                return id;
            }
        }

        throw new InvalidOperationException("None of the acknowledged tickets is open.");
    }

    /// <summary>A drone of the simulated fleet, as the officer's console lists it.</summary>
    private static async Task<string> FirstDroneAsync(HttpClient officer)
    {
        string? id = null;
        await Eventually.Until(async () =>
        {
            var fleet = JsonDocument.Parse(await officer.GetStringAsync("api/drones")).RootElement;
            id = fleet.GetProperty("drones").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).FirstOrDefault();
            return id is not null;
        }, "the simulated drones are in the fleet");
        return id!;
    }

    /// <summary>The scene changes a wall was sent since <paramref name="since"/> (ms), by when the director sent them; not the scene in force it is given on connecting (sent at 0).</summary>
    private static List<(string Scene, long SentAt)> Turns(ConcurrentQueue<WallSceneMessage> received, long since) =>
        [.. received.Where(m => m.SentAt >= since).Select(m => (m.Scene, m.SentAt))];

    private static async Task<string[]> SensorIdsAsync(RealApp app)
    {
        await app.FirstSensorAsync();
        var things = JsonDocument.Parse(await app.Http.GetStringAsync("sta/v1.1/Things?$top=2&$orderby=id")).RootElement;
        return [.. things.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("@iot.id").GetString()!)];
    }

    [GeneratedRegex(@"Observations\((\d+)\)")]
    private static partial Regex ObservationId();

    /// <summary>What each node answered 201, with when the request was sent and answered (time since the test began).</summary>
    private sealed class Acknowledged
    {
        private readonly ConcurrentQueue<(string Node, string Id, TimeSpan Sent, TimeSpan Answered)> _tickets = new();
        private readonly ConcurrentQueue<(string Node, long Id, TimeSpan Sent, TimeSpan Answered)> _readings = new();

        public IReadOnlyList<(string Node, string Id, TimeSpan Sent, TimeSpan Answered)> Tickets => [.. _tickets];

        public IReadOnlyList<(string Node, long Id, TimeSpan Sent, TimeSpan Answered)> Readings => [.. _readings];

        public void Ticket(string node, string id, TimeSpan sent, TimeSpan answered) => _tickets.Enqueue((node, id, sent, answered));

        public void Reading(string node, long id, TimeSpan sent, TimeSpan answered) => _readings.Enqueue((node, id, sent, answered));

        public int Count(string node) => _tickets.Count(t => t.Node == node) + _readings.Count(r => r.Node == node);

        public int CountAtTime(string node, TimeSpan before) =>
            _tickets.Count(t => t.Node == node && t.Sent < before) + _readings.Count(r => r.Node == node && r.Sent < before);

        /// <summary>When the node first answered a request sent at or after <paramref name="at"/>: only a writer alive after it can have committed that one.</summary>
        public TimeSpan? FirstAnsweredOfSentAfter(string node, TimeSpan at) =>
            _tickets.Where(t => t.Node == node && t.Sent >= at).Select(t => (TimeSpan?)t.Answered)
                .Concat(_readings.Where(r => r.Node == node && r.Sent >= at).Select(r => (TimeSpan?)r.Answered)).Min();
    }
}
