using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The real app under a test server, on its own SQLite file in a temp folder, with the simulator
/// at 60× so a few seconds of test see minutes of the district's life. The fleet is smaller and
/// slower-reporting than the default, because several of these apps run at once in the suite.
/// </summary>
public sealed class TwinAppFactory : WebApplicationFactory<Program>
{
    public const int SensorCount = 300;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityops-app-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "twin.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Twin:Simulator:SpeedFactor", "60");

        // These tests watch a twin come alive from nothing; the warm start has tests of its own.
        builder.UseSetting("Twin:Simulator:HistoryDays", "0");
        builder.UseSetting("Twin:Simulator:StartAt", MorningPeak().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Twin:Simulator:SensorCount", SensorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Twin:Simulator:SensorReportSecondsMin", "30");
        builder.UseSetting("Twin:Simulator:SensorReportSecondsMax", "120");
        TestAccounts.Configure(builder);
    }

    /// <summary>Today 09:30 in Shanghai: the simulator's busiest hours follow, whenever the suite runs.</summary>
    public static DateTimeOffset MorningPeak()
    {
        var today = Twin.Domain.Time.ShanghaiClock.StartOfDay(DateTimeOffset.UtcNow);
        return today.AddHours(9.5);
    }

    /// <summary>A hub connection as the wall.</summary>
    public HubConnection CreateHubConnection() => TestHubs.AsWall(this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is left for the OS to clean.
        }
    }
}
