using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// Tests on two nodes in this process on one fresh PostgreSQL database (docs/two-nodes.md), started one after the other
/// as a rolling start: A migrates, seeds the accounts and takes the writer's lock; B follows.
/// </summary>
public abstract class InProcessNodes : IAsyncLifetime
{
    private readonly TwinAppFactory _factoryA = new();
    private readonly TwinAppFactory _factoryB = new();
    private PostgresDatabase _database = null!;

    protected WebApplicationFactory<Program> A { get; private set; } = null!;

    protected WebApplicationFactory<Program> B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        A = await StartAsync(_factoryA, OnDatabase);
        B = await StartAsync(_factoryB, OnDatabase);
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _factoryB.DisposeAsync();
        await _factoryA.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A paired wall's map feed on node B, once it holds the centre's snapshot of every sensor.</summary>
    protected async Task<WallFeed> OpenWallOnBAsync()
    {
        var wall = await B.SignInAsync(Roles.Wall);
        var connection = wall.CreateHubConnection();
        var replica = new MapReplica(connection, recordStates: false);
        await connection.StartAsync();
        await Eventually.Until(() => replica.SnapshotsReceived >= 1 && replica.Count("sensors") == TwinAppFactory.SensorCount,
            "the centre's snapshot of every sensor on node B");
        return new WallFeed(wall, connection, replica);
    }

    private static async Task<WebApplicationFactory<Program>> StartAsync(TwinAppFactory factory, Action<IWebHostBuilder> configure)
    {
        var node = factory.WithWebHostBuilder(configure);
        await node.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromMinutes(2));
        await node.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    private void OnDatabase(IWebHostBuilder builder) => builder
        .UseSetting("Twin:Storage:Provider", "Postgres")
        .UseSetting("Twin:Storage:ConnectionString", _database.ConnectionString);
}

/// <summary>A wall's hub connection and what it received; disposed, it disconnects and signs out.</summary>
public sealed record WallFeed(SignedIn Wall, HubConnection Connection, MapReplica Replica) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Wall.Dispose();
    }
}
