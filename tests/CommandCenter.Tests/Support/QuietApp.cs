using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Tests.Support;

/// <summary>The app with its simulator off, started and ready: every ticket, alarm and proposal in it is one the test made.</summary>
public sealed class QuietApp : IAsyncDisposable
{
    private readonly TwinAppFactory _factory = new();

    private QuietApp() => App = _factory.WithWebHostBuilder(b => b.UseSetting("Twin:Simulator:Enabled", "false"));

    public WebApplicationFactory<Program> App { get; }

    public AppTwin Twin => App.Services.AppTwin();

    public IServiceProvider Services => App.Services;

    public static async Task<QuietApp> StartAsync()
    {
        var app = new QuietApp();
        await app.Twin.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
