using System.Text.Json;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Nodes;

namespace CommandCenter.Scenes;

/// <summary>
/// The wall scenes across two or more nodes (docs/two-nodes.md): only the writer's
/// <see cref="WallSceneDirector"/> decides and sends; it publishes each scene and presentation to
/// the followers, whose directors show them to their own pages, and a follower's pushes and
/// presenter steps go to the writer's director as asks. Both travel as PostgreSQL notifications,
/// which every node already listens to. Inactive on one node (no <see cref="TwinNodes"/>).
/// </summary>
public sealed partial class WallSceneRelay(IOptions<ScaleOptions> scale, ILogger<WallSceneRelay> logger, TwinNodes? nodes = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True with two or more nodes possible (PostgreSQL).</summary>
    public bool Active => nodes is not null;

    /// <summary>
    /// Without the Redis backplane the writer's hub reaches only its own screens, so a follower sends
    /// the scene it is given to its own; with it, the writer's send already reached them.
    /// </summary>
    public bool FollowerSends => !scale.Value.UsesRedis;

    /// <summary>The writer's scene arrived (on every node; the writer ignores its own).</summary>
    public event Action<WallSceneState>? Followed;

    /// <summary>A follower's ask arrived (on every node; only the writer acts on it).</summary>
    public event Action<WallSceneAsk>? Asked;

    /// <summary>Starts taking the other nodes' notifications.</summary>
    public void Start()
    {
        if (nodes is not null)
        {
            nodes.Signals.Received += OnReceived;
        }
    }

    public Task PublishAsync(WallSceneState state, CancellationToken ct) => SendAsync(NodeSignals.Scenes, JsonSerializer.Serialize(state, Json), ct);

    public Task AskAsync(WallSceneAsk ask, CancellationToken ct) => SendAsync(NodeSignals.SceneAsks, JsonSerializer.Serialize(ask, Json), ct);

    private async Task SendAsync(string channel, string payload, CancellationToken ct)
    {
        if (nodes is null)
        {
            return;
        }

        try
        {
            await nodes.Signals.NotifyAsync(channel, payload, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The walls keep their scene; the writer publishes again at its next change, a follower's presenter steps again.
            LogSendFailed(ex, channel);
        }
    }

    private void OnReceived(string channel, string payload)
    {
        try
        {
            switch (channel)
            {
                case NodeSignals.Scenes when JsonSerializer.Deserialize<WallSceneState>(payload, Json) is { } state:
                    Followed?.Invoke(state);
                    break;
                case NodeSignals.SceneAsks when JsonSerializer.Deserialize<WallSceneAsk>(payload, Json) is { } ask:
                    Asked?.Invoke(ask);
                    break;
            }
        }
        catch (JsonException ex)
        {
            // A node of another version: its scene or ask is not understood here, and the walls keep theirs.
            LogUnreadable(ex, channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The wall scene could not be passed to the other nodes ({Channel}).")]
    private partial void LogSendFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wall scene notification ({Channel}) from another node could not be read.")]
    private partial void LogUnreadable(Exception exception, string channel);
}

/// <summary>What the writer's director shows on every wall: the scene and the presentation holding them, if any.</summary>
public sealed record WallSceneState(WallSceneMessage Current, WallPresentation? Presentation);

/// <summary>
/// A follower's action for the writer's director: a daily scene pushed (<see cref="Push"/>), or the
/// presentation a presenter's step made (<see cref="Present"/>; null ends it) with when the step
/// reached the follower; or, with neither, a new follower asking for the scene in force.
/// </summary>
public sealed record WallSceneAsk(WallScene? Push = null, bool Presents = false, WallPresentation? Present = null, long ReceivedAt = 0);
