using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Map;

/// <summary>What the server calls on a subscribed screen.</summary>
public interface ITwinClient
{
    Task Snapshot(MapSnapshot snapshot);

    Task Delta(MapDelta delta);
}

/// <summary>The map's live feed at <c>/hubs/twin</c>; the protocol is in docs/hub-protocol.md.</summary>
public sealed class TwinHub(MapBroadcaster broadcaster, CameraLayer cameras) : Hub<ITwinClient>
{
    public const string Path = "/hubs/twin";
    public const string MapGroup = "map";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, MapGroup);
        await broadcaster.SendSnapshotAsync(Context.ConnectionId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public Task RequestSnapshot() => broadcaster.SendSnapshotAsync(Context.ConnectionId, Context.ConnectionAborted);

    /// <summary>The camera layer's FeatureCollection, serialised once (see <see cref="CameraLayer"/>).</summary>
    public JsonElement GetCameras() => cameras.FeatureCollectionJson;
}
