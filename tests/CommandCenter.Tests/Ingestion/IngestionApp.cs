using System.Net.Http.Headers;
using System.Text;
using CommandCenter.Tests.Support;
using Scopes = CommandCenter.Ingestion.Common.IngestScopes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// The real app under a test server for ingestion: simulator off (the store holds only what the
/// tests send), its own SQLite file, sources with known keys, and six noise sensors.
/// </summary>
public class IngestionApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Key = "test-key-open311-sta-cap";
    public const string SlowKey = "test-key-slow";

    /// <summary>A 12345 hotline gateway: Open311 only, its requests filed as 12345热线.</summary>
    public const string HotlineKey = "test-key-hotline-gateway";

    /// <summary>A sensor gateway: SensorThings only (writes and keyed reads).</summary>
    public const string SensorOnlyKey = "test-key-sensor-gateway";

    /// <summary>Another warning system: CAP only.</summary>
    public const string OtherCapKey = "test-key-other-warnings";
    public const int SlowRatePerMinute = 3;

    public IngestionApp()
        : this(Path.Combine(Path.GetTempPath(), "cityops-ingest-tests", Guid.NewGuid().ToString("N")))
    {
    }

    private IngestionApp(string directory) => Directory = directory;

    /// <summary>An app on an existing folder sees what an earlier one stored there (a restart).</summary>
    public static IngestionApp On(string directory) => new(directory) { KeepFolder = true };

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "twin.db");

    public static IReadOnlyList<string> SensorIds { get; } = Enumerable.Range(1, 6).Select(i => $"S-TEST-{i:D4}").ToList();

    public AppTwin Runtime => Services.AppTwin();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Twin:Simulator:Enabled", "false");
        builder.UseSetting("Twin:Ingestion:ReadRatePerMinute", "1000000");
        builder.UseSetting("Twin:Ingestion:Sources:0:Name", "test-feed");
        builder.UseSetting("Twin:Ingestion:Sources:0:ApiKey", Key);
        builder.UseSetting("Twin:Ingestion:Sources:0:RatePerMinute", "1000000");
        builder.UseSetting("Twin:Ingestion:Sources:1:Name", "slow-feed");
        builder.UseSetting("Twin:Ingestion:Sources:1:ApiKey", SlowKey);
        builder.UseSetting("Twin:Ingestion:Sources:1:RatePerMinute", SlowRatePerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Scopes.All.Count; i++)
        {
            builder.UseSetting($"Twin:Ingestion:Sources:0:Scopes:{i}", Scopes.All[i]);
            builder.UseSetting($"Twin:Ingestion:Sources:1:Scopes:{i}", Scopes.All[i]);
        }

        Source(builder, 2, "hotline-gateway", HotlineKey, [Scopes.Open311], channel: "12345热线");
        Source(builder, 3, "sensor-gateway", SensorOnlyKey, [Scopes.StaWrite, Scopes.StaRead]);
        Source(builder, 4, "other-warnings", OtherCapKey, [Scopes.Cap]);
        TestAccounts.Configure(builder);
    }

    private static void Source(IWebHostBuilder builder, int index, string name, string key, string[] scopes, string? channel = null)
    {
        var prefix = $"Twin:Ingestion:Sources:{index}:";
        builder.UseSetting(prefix + "Name", name);
        builder.UseSetting(prefix + "ApiKey", key);
        builder.UseSetting(prefix + "RatePerMinute", "1000000");
        for (var i = 0; i < scopes.Length; i++)
        {
            builder.UseSetting($"{prefix}Scopes:{i}", scopes[i]);
        }

        if (channel is not null)
        {
            builder.UseSetting(prefix + "Channel", channel);
        }
    }

    /// <summary>Set by a test that restarts on the same folder and deletes it itself.</summary>
    public bool KeepFolder { get; init; }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (!KeepFolder)
        {
            DeleteFolder(Directory);
        }
    }

    /// <summary>Starts the app and registers the test sensors (once per database).</summary>
    public async Task StartAsync()
    {
        _ = Server;
        await Runtime.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        var points = Runtime.District.SubDistricts.Select(s => s.Boundary.InteriorPoint).ToList();
        for (var i = 0; i < SensorIds.Count; i++)
        {
            if (Runtime.Queries.Current.Sensors.Any(s => s.Definition.Id == SensorIds[i]))
            {
                continue;
            }

            var definition = new SensorDefinition(
                SensorIds[i], SensorKind.Noise, $"测试噪声站 {i + 1}", new GeoPoint(points[i].X, points[i].Y), "dB(A)",
                new Thresholds(70, 85, 2), TimeSpan.FromMinutes(1));
            var result = await Runtime.Commands.SubmitAsync(new RegisterSensorCommand(definition));
            Assert.True(result.Accepted, result.Reason);
        }

        // The APIs look sensors up in the twin's published picture, which follows a commit within
        // the pipeline's snapshot interval, not at once: a test posting at once got "No Datastream".
        await Eventually.Until(() => SensorIds.All(id => Runtime.Queries.Current.Sensors.Any(s => s.Definition.Id == id)),
            "the test sensors appear in the twin's picture");
    }

    /// <summary>A point inside Putuo (a 街道's interior point), WGS-84.</summary>
    public GeoPoint InsidePoint(int subDistrict = 0)
    {
        var p = Runtime.District.SubDistricts[subDistrict].Boundary.InteriorPoint;
        return new GeoPoint(p.X, p.Y);
    }

    public HttpClient KeyedClient(string key = Key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A hub connection as the wall.</summary>
    public HubConnection CreateHubConnection() => TestHubs.AsWall(this);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Xml(string xml)
    {
        var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cap+xml");
        return content;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Deletes the folder; call once, after the last app on it is disposed.</summary>
    public static void DeleteFolder(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS to clean.
        }
    }

    internal static MapReplica Replica(HubConnection connection) => new(connection, recordStates: false);
}
