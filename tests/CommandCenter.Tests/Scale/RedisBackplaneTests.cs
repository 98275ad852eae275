using System.Collections.Concurrent;
using System.Text.Json;
using CommandCenter.Hub;
using CommandCenter.Map;
using CommandCenter.Scenes;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Scale;

/// <summary>
/// Two nodes of one deployment on one real Redis (Twin:Scale:Redis): what one node's hub sends
/// reaches a screen connected to the other, through the app's own senders; a third node on the same
/// Redis under another channel prefix (another deployment) reaches nobody here.
/// </summary>
public sealed class RedisBackplaneTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private WebApplicationFactory<Program> _nodeA = null!;
    private WebApplicationFactory<Program> _nodeB = null!;
    private WebApplicationFactory<Program> _otherDeployment = null!;
    private readonly ConcurrentQueue<string> _connectionsOnB = new();

    public async Task InitializeAsync()
    {
        var redis = await RedisServer.ConnectionStringAsync();
        var prefix = "twin-test-" + Guid.NewGuid().ToString("N");
        _nodeA = Node(redis, prefix);
        _nodeB = Node(redis, prefix).WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IMapSender>(sp =>
            new ConnectionRecorder(ActivatorUtilities.CreateInstance<HubMapSender>(sp), _connectionsOnB))));
        _owned.Add(_nodeB);
        _otherDeployment = Node(redis, prefix + "-other");
        _ = _nodeA.Server;
        _ = _nodeB.Server;
        _ = _otherDeployment.Server;
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_scene_sent_by_node_A_reaches_a_wall_on_node_B_and_another_deployments_does_not()
    {
        await using var wallOnB = TestHubs.AsWall(_nodeB);
        var incidents = new ConcurrentQueue<string>();
        wallOnB.On<JsonElement>("Scene", scene =>
        {
            if (scene.GetProperty("incidentId").GetString() is { } incident)
            {
                incidents.Enqueue(incident);
            }
        });
        await wallOnB.StartAsync();

        // The other deployment's scene goes first: had the prefix not kept it apart, it would arrive before node A's.
        await SceneSender(_otherDeployment).SendToAllAsync(new WallSceneMessage("district", "other-deployment", "IV"), CancellationToken.None);
        await SceneSender(_nodeA).SendToAllAsync(new WallSceneMessage("district", "flood-from-node-a", "III"), CancellationToken.None);

        await Eventually.Until(() => incidents.Contains("flood-from-node-a"), "node A's scene reaches the wall on node B", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["flood-from-node-a"], incidents.ToArray());
        Assert.Equal("Healthy", await BackplaneHealthAsync(_nodeB));
    }

    [Fact]
    public async Task A_node_whose_Redis_does_not_answer_says_so_in_its_readiness()
    {
        // Port 1 on loopback: nothing listens there.
        var unreachable = Node("127.0.0.1:1,connectTimeout=1000", "twin-test-unreachable");
        Assert.Equal("Unhealthy", await BackplaneHealthAsync(unreachable));
    }

    private static async Task<string?> BackplaneHealthAsync(WebApplicationFactory<Program> node)
    {
        using var client = node.CreateClient();
        var body = await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("backplane").GetProperty("status").GetString();
    }

    [Fact]
    public async Task A_map_delta_sent_by_node_A_to_one_connection_reaches_that_wall_on_node_B()
    {
        await using var wallOnB = TestHubs.AsWall(_nodeB);
        var seqs = new ConcurrentQueue<long>();
        wallOnB.On<JsonElement>("Delta", delta => seqs.Enqueue(delta.GetProperty("seq").GetInt64()));
        await wallOnB.StartAsync();

        // The client skips negotiation, so only the server knows its connection id: node B's first snapshot to it tells.
        await Eventually.Until(() => !_connectionsOnB.IsEmpty, "node B sends its wall the first snapshot", TimeSpan.FromSeconds(20));
        _connectionsOnB.TryPeek(out var connectionOnB);

        // A seq no quiet node reaches by itself, so the delta seen is the one node A sent.
        const long seq = 9_000_001;
        var delta = new MapDelta(seq, DateTimeOffset.UtcNow, [], [], []);
        await _nodeA.Services.GetRequiredService<IMapSender>()
            .SendAsync(connectionOnB!, new DeltaMessage(new WireJson<MapDelta>(delta)), CancellationToken.None);

        await Eventually.Until(() => seqs.Contains(seq), $"node A's delta reaches the wall on node B (seen: {string.Join(", ", seqs)})", TimeSpan.FromSeconds(20));
    }

    /// <summary>Node B's own sender, noting which connections it sends to.</summary>
    private sealed class ConnectionRecorder(IMapSender inner, ConcurrentQueue<string> connections) : IMapSender
    {
        public Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken)
        {
            connections.Enqueue(connectionId);
            return inner.SendAsync(connectionId, message, cancellationToken);
        }
    }

    private static IWallSceneSender SceneSender(WebApplicationFactory<Program> node) => node.Services.GetRequiredService<IWallSceneSender>();

    /// <summary>A quiet node (no simulator: nothing on the hub but what the test sends) on its own store, sharing the backplane.</summary>
    private WebApplicationFactory<Program> Node(string redis, string prefix)
    {
        var factory = new TwinAppFactory();
        var node = factory.WithWebHostBuilder(b => b
            .UseSetting("Twin:Simulator:Enabled", "false")
            .UseSetting("Twin:Scale:Redis", redis)
            .UseSetting("Twin:Scale:ChannelPrefix", prefix));
        _owned.Add(factory);
        _owned.Add(node);
        return node;
    }
}
