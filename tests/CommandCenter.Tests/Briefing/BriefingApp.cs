using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Briefing;

/// <summary>
/// The app with three simulated days behind it, its clock at real speed from 10:00 on 1 December
/// 2026 in Shanghai (a month's first morning), so the briefing has figures to count and compare.
/// </summary>
public sealed class BriefingApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityops-briefing-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Storage:DatabasePath", Path.Combine(_directory, "twin.db"));
        builder.UseSetting("Twin:Simulator:HistoryDays", "3");
        builder.UseSetting("Twin:Simulator:StartAt", Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Twin:Simulator:SensorCount", "300");
        TestAccounts.Configure(builder);
    }

    /// <summary>Where the test leaves the files it checked, for a person to look at.</summary>
    public static string Artifacts()
    {
        var path = Path.Combine(RepoPaths.Root(), "artifacts", "briefing");
        Directory.CreateDirectory(path);
        return path;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Ingestion.IngestionApp.DeleteFolder(_directory);
    }
}
