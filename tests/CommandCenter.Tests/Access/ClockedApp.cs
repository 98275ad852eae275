using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Access;

/// <summary>The app with the simulator off and a fake clock behind every TimeProvider it resolves: sessions, lockout, cookies and audit times move when the test says.</summary>
public sealed class ClockedApp(Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityops-clocked-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DatabasePath => Path.Combine(_directory, "twin.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Twin:Simulator:Enabled", "false");
        // Its own key folder, deleted with the app's: Production refuses to start without one.
        builder.UseSetting("Twin:Security:KeyDirectory", Path.Combine(_directory, "keys"));
        TestAccounts.Configure(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Ingestion.IngestionApp.DeleteFolder(_directory);
    }
}
