using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Twin.Domain.Geography;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// Two real app processes on one PostgreSQL database and one Redis backplane (docs/two-nodes.md): A writes, B follows.
/// A wall connected to the follower must show what is reported to the writer, a second or so behind it (the
/// follower's reload after each commit), without anyone reconnecting it.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class FollowerFeedTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// The follower reloads after the writer's commits (pausing at most Twin:Nodes:RefreshInterval), then sends its screens what changed: a person at
    /// its wall expects a new case within a few seconds. The bound leaves room for this shared, loaded machine; the
    /// bug it guards against lost the writer's cases on the follower's screens for good.
    /// </summary>
    private static readonly TimeSpan FollowerBound = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-follower-").FullName;

    public void Dispose() => IngestionApp.DeleteFolder(_directory);

    [Fact]
    public async Task A_wall_on_the_follower_shows_the_tickets_and_alarms_reported_to_the_writer()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var environment = await TwoNodes.EnvironmentAsync(database);
        await using var writer = await RealApp.StartAsync(Path.Combine(_directory, "a"), environment);
        var inside = await writer.InsidePointAsync();
        await using var follower = await RealApp.StartAsync(Path.Combine(_directory, "b"), environment);
        Assert.Contains("following the writer", await TwoNodes.TwinCheckAsync(follower), StringComparison.Ordinal);

        var wallCookies = await follower.PairWallAsync();
        await using var wall = new HubConnectionBuilder().WithUrl(new Uri(follower.Http.BaseAddress!, "hubs/twin"), o => o.Cookies = wallCookies).Build();
        var replica = new MapReplica(wall, recordStates: false);
        await wall.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived > 0, "the wall on the follower receives its first snapshot");

        // A text unlike any other report's: a report alike to an open case at the same place is merged into it and is on no map.
        var ticket = await ReportTicketAsync(writer, inside);
        await ShownOnFollowerAsync(replica, "tickets", ticket);

        var alarm = await RaiseAlarmAsync(writer, inside);
        await ShownOnFollowerAsync(replica, "alarms", alarm);
    }

    /// <summary>Waits until the follower's wall holds <paramref name="id"/> in <paramref name="layer"/>; on failure says what the wall received.</summary>
    private async Task ShownOnFollowerAsync(MapReplica replica, string layer, string id)
    {
        var clock = Stopwatch.StartNew();
        while (!replica.Ids(layer).Contains(id) && clock.Elapsed < FollowerBound)
        {
            await Task.Delay(50);
        }

        var messages = replica.RawMessages;
        var described = string.Join("\n", messages.TakeLast(5).Select(m => m.Length > 400 ? m[..400] + "…" : m));
        output.WriteLine($"{layer} {id} on the follower's wall after {clock.Elapsed.TotalSeconds:F1} s; it received {messages.Count} messages ({replica.SnapshotsReceived} snapshots), seq {replica.Seq}.");
        Assert.True(replica.Ids(layer).Contains(id),
            $"The wall on the follower did not show {layer} {id} reported to the writer within {FollowerBound.TotalSeconds} s. " +
            $"It received {messages.Count} messages ({replica.SnapshotsReceived} snapshots, seq {replica.Seq}) holding {layer} [{string.Join(", ", replica.Ids(layer).Order())}]; " +
            $"the last ones:\n{described}");
    }

    private static async Task<string> ReportTicketAsync(RealApp writer, GeoPoint at)
    {
        var response = await writer.Http.PostAsync("open311/v2/requests.json", IngestionApp.Form(
            ("api_key", RealApp.Key), ("service_code", "noise"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", "报给写入节点的噪声投诉")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static async Task<string> RaiseAlarmAsync(RealApp writer, GeoPoint at)
    {
        var response = await writer.Http.PostAsync("api/alerts/cap", IngestionApp.Xml(CapSamples.Thunderstorm("PUTUO-FOLLOWER-1", at)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("alarmId").GetString()!;
    }

}
