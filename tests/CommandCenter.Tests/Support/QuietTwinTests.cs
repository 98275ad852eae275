using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Tests.Support;

/// <summary>
/// Tests against the app with the simulator off, so every ticket and alarm on the desk is one the
/// test made; the twin is ready when a test starts.
/// </summary>
public abstract class QuietTwinTests : IAsyncLifetime
{
    private readonly TwinAppFactory _factory = new();

    protected WebApplicationFactory<Program> App { get; private set; } = default!;

    protected AppTwin Runtime { get; private set; } = default!;

    /// <summary>The app's SQLite database, for a test that reads what was stored.</summary>
    protected string DatabasePath => _factory.DatabasePath;

    public async Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(b => b.UseSetting("Twin:Simulator:Enabled", "false"));
        Runtime = App.Services.AppTwin();
        await Runtime.Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
