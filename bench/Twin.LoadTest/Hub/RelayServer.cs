using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Twin.LoadTest.Hosting;

namespace Twin.LoadTest.Hub;

/// <summary>
/// The physical baseline: a bare SignalR hub on its own Kestrel port in this process that sends each
/// event to every client the moment it is posted, as one small message — no engine, no store, no
/// coalescing. What our stack adds on top of the transport is measured against this.
/// </summary>
public sealed class RelayServer : IAsyncDisposable
{
    public const string EventMethod = "Event";
    private const string Group = "relay";

    private readonly WebApplication _app;
    private readonly IHubContext<RelayHub> _hub;
    private long _seq;

    private RelayServer(WebApplication app)
    {
        _app = app;
        _hub = app.Services.GetRequiredService<IHubContext<RelayHub>>();
    }

    public Uri HubUrl { get; private init; } = null!;

    public long Seq => Interlocked.Read(ref _seq);

    public static async Task<RelayServer> StartAsync()
    {
        var port = TwinServer.FreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Idle while our stack's cell runs on the same cores: a starved keep-alive must not drop its
        // clients (the N = 500 relay cells of an earlier run lost most of them that way).
        builder.Services.AddSignalR(o => o.ClientTimeoutInterval = Subscriber.PatientTimeout);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<RelayHub>("/hubs/relay");
        await app.StartAsync();
        return new RelayServer(app) { HubUrl = new Uri($"http://127.0.0.1:{port}/hubs/relay") };
    }

    /// <summary>Sends one event to the group; awaiting it is the transport's back-pressure.</summary>
    public Task SendAsync(string sensorId, DateTimeOffset observedAt) =>
        _hub.Clients.Group(Group).SendAsync(EventMethod, new RelayEvent(Interlocked.Increment(ref _seq), sensorId, observedAt));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed class RelayHub : Microsoft.AspNetCore.SignalR.Hub
    {
        public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Group);
    }
}
