using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Tests.Hub;

/// <summary>The map's live feed, through the standard .NET SignalR client against the real app.</summary>
public sealed partial class TwinHubTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_subscriber_gets_a_snapshot_then_deltas_numbered_without_gaps()
    {
        await using var connection = _app.CreateHubConnection();
        var replica = new MapReplica(connection);
        await connection.StartAsync();

        await Eventually.Until(() => replica.Count("sensors") == TwinAppFactory.SensorCount, "the simulated sensor fleet appears on the map");
        await Eventually.Until(() => replica.Count("tickets") > 0 && replica.DeltaSeqs.Count >= 20, "tickets and at least 20 deltas arrive");

        Assert.True(replica.SnapshotsReceived >= 1);
        var seqs = replica.DeltaSeqs;
        Assert.All(seqs.Zip(seqs.Skip(1)), pair => Assert.Equal(pair.First + 1, pair.Second));
        Assert.Equal(0, replica.GapsDetected);
    }

    [Fact]
    public async Task A_subscriber_that_misses_a_delta_resyncs_to_the_same_picture_as_one_that_did_not()
    {
        await using var steadyConnection = _app.CreateHubConnection();
        await using var lossyConnection = _app.CreateHubConnection();
        var steady = new MapReplica(steadyConnection);
        var lossy = new MapReplica(lossyConnection);
        await steadyConnection.StartAsync();
        await lossyConnection.StartAsync();
        await Eventually.Until(() => lossy.DeltaSeqs.Count >= 3, "deltas flow");

        lossy.DropNextDelta();
        await Eventually.Until(() => lossy.GapsDetected == 1 && lossy.SnapshotsReceived >= 2, "the gap is noticed and a snapshot requested");
        var resyncedAt = lossy.Seq;
        await Eventually.Until(() => steady.Seq > resyncedAt + 3 && lossy.Seq > resyncedAt + 3, "both carry on past the resync");

        AssertSamePictureAtCommonSeqs(steady, lossy, after: resyncedAt);
    }

    [Fact]
    public async Task A_subscriber_that_reconnects_gets_a_fresh_snapshot_and_follows_again()
    {
        await using var steadyConnection = _app.CreateHubConnection();
        await using var flakyConnection = _app.CreateHubConnection();
        var steady = new MapReplica(steadyConnection);
        var flaky = new MapReplica(flakyConnection);
        await steadyConnection.StartAsync();
        await flakyConnection.StartAsync();
        await Eventually.Until(() => flaky.DeltaSeqs.Count >= 3, "deltas flow");

        await flakyConnection.StopAsync();
        var before = flaky.SnapshotsReceived;
        flaky.ExpectResync();
        var stoppedAt = steady.Seq;
        await Eventually.Until(() => steady.Seq > stoppedAt + 2, "deltas the stopped subscriber misses");
        await flakyConnection.StartAsync();
        await Eventually.Until(() => flaky.SnapshotsReceived > before, "a snapshot on reconnect");
        var resyncedAt = flaky.Seq;
        await Eventually.Until(() => steady.Seq > resyncedAt + 3 && flaky.Seq > resyncedAt + 3, "both carry on after the reconnect");

        AssertSamePictureAtCommonSeqs(steady, flaky, after: resyncedAt);
    }

    [Fact]
    public async Task GetCameras_returns_the_whole_camera_layer_as_one_feature_collection()
    {
        await using var connection = _app.CreateHubConnection();
        await connection.StartAsync();

        var collection = await connection.InvokeAsync<JsonElement>("GetCameras");

        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(21_000, features.Count);
        Assert.Equal(135, features.Count(f => f.GetProperty("properties").GetProperty("ai").GetBoolean()));
        var first = features[0];
        Assert.Equal("Feature", first.GetProperty("type").GetString());
        Assert.StartsWith("C-", first.GetProperty("id").GetString());
        Assert.Equal("Point", first.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(2, first.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        var properties = first.GetProperty("properties");
        Assert.Equal("cameras", properties.GetProperty("layer").GetString());
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("name").GetString()));
        Assert.Matches("(街道|镇)$", properties.GetProperty("subdistrict").GetString());
    }

    [Fact]
    public async Task A_stream_of_reported_tickets_carries_no_reporter_name_or_phone_number()
    {
        await using var connection = _app.CreateHubConnection();
        var replica = new MapReplica(connection, recordStates: false);
        await connection.StartAsync();

        // Streamed until ten reports with a name and a phone are stored; the final snapshot then holds every one still open.
        await Eventually.Until(() => StoredReporters().Names.Count >= 10, "ten reporters are stored", TimeSpan.FromMinutes(2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await connection.InvokeAsync("RequestSnapshot", timeout.Token);
        await Eventually.Until(() => replica.SnapshotsReceived >= 2, "a final snapshot");

        var (names, phones) = StoredReporters();
        Assert.True(names.Count >= 10, $"the simulator reported tickets with names ({names.Count} so far)");
        Assert.True(phones.Count >= 10);
        var stream = string.Join('\n', replica.RawMessages);
        Assert.Contains("\"reporter\":", stream);
        Assert.All(names, name => Assert.DoesNotContain(name, stream));
        Assert.All(phones, phone => Assert.DoesNotContain(phone, stream));
        Assert.Empty(MobileNumber().Matches(stream));
    }

    private (List<string> Names, List<string> Phones) StoredReporters()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _app.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reporter_name, reporter_phone FROM tickets WHERE reporter_name IS NOT NULL AND reporter_phone IS NOT NULL";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        var phones = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
            phones.Add(reader.GetString(1));
        }

        return (names, phones);
    }

    private static void AssertSamePictureAtCommonSeqs(MapReplica a, MapReplica b, long after)
    {
        var common = a.StateBySeq.Keys.Intersect(b.StateBySeq.Keys).Where(seq => seq >= after).ToList();
        Assert.NotEmpty(common);
        Assert.All(common, seq => Assert.Equal(a.StateBySeq[seq], b.StateBySeq[seq]));
    }


    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
