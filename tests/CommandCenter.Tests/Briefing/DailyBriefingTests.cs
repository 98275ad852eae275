using CommandCenter.Briefing;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;

namespace CommandCenter.Tests.Briefing;

/// <summary>The daily briefing on a fake clock: made once the twin's clock passes 08:00 Shanghai, kept with its hash and one audit row, and made once across a restart.</summary>
public sealed class DailyBriefingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityops-daily-briefing-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "twin.db");

    [Fact]
    public async Task The_0800_briefing_is_made_once_and_a_restart_at_0800_makes_no_second()
    {
        // 07:59 on Wednesday 2 December in Shanghai: Monday's briefing is due (the one Tuesday 08:00 made), Tuesday's not yet.
        await using (var first = App(new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero)))
        {
            var service = first.Services.GetRequiredService<DailyBriefingService>();
            await Eventually.Until(() => service.KeptDay == new DateOnly(2026, 11, 30), "Monday's briefing made at start");
            Assert.Equal(["2026-11-30"], await DaysAsync(first));

            await Eventually.Advancing(first.Clock, TimeSpan.FromSeconds(30), () => service.KeptDay == new DateOnly(2026, 12, 1), "Tuesday's briefing made after 08:00");
            Assert.Equal(["2026-12-01", "2026-11-30"], await DaysAsync(first));
        }

        // The app comes back at 08:05: Tuesday's briefing is found kept, not made again.
        await using var second = App(new DateTimeOffset(2026, 12, 2, 0, 5, 0, TimeSpan.Zero));
        var again = second.Services.GetRequiredService<DailyBriefingService>();
        await Eventually.Until(() => again.KeptDay == new DateOnly(2026, 12, 1), "the restarted app checks Tuesday's briefing");
        Assert.Equal(["2026-12-01", "2026-11-30"], await DaysAsync(second));

        var briefings = second.Services.GetRequiredService<ITwinBriefings>();
        var tuesday = await briefings.GetDailyBriefingAsync(new DateOnly(2026, 12, 1));
        Assert.NotNull(tuesday);
        Assert.True(tuesday.Intact);
        Assert.Equal(new DateOnly(2026, 12, 1), tuesday.Figures.Vitals.Day);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), tuesday.Info.GeneratedAt, TimeSpan.FromMinutes(1));
        Assert.Equal(64, tuesday.Info.Sha256.Length);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        using var audit = connection.CreateCommand();
        audit.CommandText = "SELECT target, detail FROM audit_log WHERE action = 'briefing.daily' ORDER BY id";
        var rows = new List<(string Target, string Detail)>();
        using (var reader = audit.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal(["2026-11-30", "2026-12-01"], rows.Select(r => r.Target));
        Assert.Contains($"sha256={tuesday.Info.Sha256}", rows[1].Detail);

        // Kept means kept: the table refuses changes.
        using var tamper = connection.CreateCommand();
        tamper.CommandText = "UPDATE daily_briefings SET sha256 = 'x' WHERE day = '2026-12-01'";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => tamper.ExecuteNonQuery());
        tamper.CommandText = "DELETE FROM daily_briefings";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => tamper.ExecuteNonQuery());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Ingestion.IngestionApp.DeleteFolder(_directory);
    }

    private ClockedApp App(DateTimeOffset start)
    {
        var app = new ClockedApp(builder =>
        {
            // The restarted app reads the same database with the same keys (the audit key is kept encrypted with them).
            builder.UseSetting("Twin:Storage:DatabasePath", DatabasePath);
            builder.UseSetting("Twin:Security:KeyDirectory", Path.Combine(_directory, "keys"));
            builder.UseSetting("Twin:Simulator:StartAt", start.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        });
        return app;
    }

    private static async Task<IReadOnlyList<string>> DaysAsync(ClockedApp app) =>
        (await app.Services.GetRequiredService<ITwinBriefings>().ListDailyBriefingsAsync()).Select(b => BriefingText.Day(b.Day)).ToList();
}
