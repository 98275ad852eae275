using System.Net;
using System.Net.Sockets;
using CommandCenter.Hub;
using CommandCenter.Map;
using CommandCenter.Security;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Twin.Data.Diagnostics;
using Twin.LoadTest.Hub;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Twin.LoadTest.Hosting;

/// <summary>
/// The real CommandCenter, in this process, on real Kestrel sockets at 127.0.0.1:&lt;free port&gt;, with
/// its own SQLite file in a temp folder. In-process so the tool can feed the pipeline directly (the
/// app has no ingestion API) and read the server's memory; the simulator is off so only the tool's
/// inputs reach the hub.
/// </summary>
public sealed class TwinServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-loadtest-").FullName;

    public TwinServer()
    {
        Port = FreeLoopbackPort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public ServerTwin Runtime => new(Services);

    public MapBroadcaster Broadcaster => Services.GetRequiredService<MapBroadcaster>();

    /// <summary>Timestamps of the server's stages (commit, first send) for the hub load.</summary>
    public StageProbe Probe { get; } = new();

    /// <summary>The app's open Blazor circuits.</summary>
    public CircuitCounter Circuits { get; } = new();

    /// <summary>The wall device's pairing link: screens and hub clients sign in as the wall, like the command hall's.</summary>
    public Uri PairUrl => new(BaseUrl, $"{AccountEndpoints.PairPath}?token={_wallToken}");

    private readonly string _wallToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Starts Kestrel and waits until the twin has restored from its (empty) store.</summary>
    public async Task StartAsync()
    {
        StartServer();
        await Runtime.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A wall session's cookie header, from the real pairing link.</summary>
    public async Task<string> WallCookieAsync()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        using var paired = await client.GetAsync(PairUrl);
        if (paired.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Wall pairing answered {(int)paired.StatusCode}.");
        }

        return cookies.GetCookieHeader(BaseUrl);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Storage:DatabasePath", Path.Combine(_directory, "twin.db"));
        builder.UseSetting("Twin:Simulator:Enabled", "false");
        builder.UseSetting("Twin:Security:WallToken", _wallToken);
        // Every screen of the load pairs from 127.0.0.1: the per-address sign-in limit would turn the 11th away.
        builder.UseSetting("Twin:Security:LoginAttemptsPerMinute", "100000");
        // The app's information logs (one per circuit, per restore) would interleave with the tables.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMapSender>(sp =>
                new StageProbe.ProbedSender(new HubMapSender(sp.GetRequiredService<IHubContext<TwinHub, ITwinClient>>(), sp.GetRequiredService<TwinMetrics>()), Probe));
            services.AddSingleton<CircuitHandler>(Circuits);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
