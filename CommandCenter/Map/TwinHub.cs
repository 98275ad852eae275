using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Map;

/// <summary>What the server calls on a subscribed screen (payloads in docs/hub-protocol.md).</summary>
public interface ITwinClient
{
    Task Snapshot(WireJson<MapSnapshot> snapshot);

    Task Delta(WireJson<MapDelta> delta);
}

/// <summary>The map's live feed at <c>/hubs/twin</c>; the protocol is in docs/hub-protocol.md.</summary>
public sealed class TwinHub(MapBroadcaster broadcaster, CameraLayer cameras) : Hub<ITwinClient>
{
    public const string Path = "/hubs/twin";

    public override async Task OnConnectedAsync()
    {
        await broadcaster.SubscribeAsync(Context.ConnectionId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await broadcaster.UnsubscribeAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public Task RequestSnapshot() => broadcaster.ResyncAsync(Context.ConnectionId, Context.ConnectionAborted);

    /// <summary>The camera layer's FeatureCollection, serialised once (see <see cref="CameraLayer"/>).</summary>
    public JsonElement GetCameras() => cameras.FeatureCollectionJson;
}
