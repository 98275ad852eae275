using System.Text.Json;
using CommandCenter.Drones;
using CommandCenter.Map;
using CommandCenter.Scenes;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Hub;

/// <summary>What the server calls on a subscribed screen (payloads in docs/hub-protocol.md).</summary>
public interface ITwinClient
{
    Task Snapshot(WireJson<MapSnapshot> snapshot);

    Task Delta(WireJson<MapDelta> delta);

    /// <summary>The whole drone fleet; each message replaces the last.</summary>
    Task Drones(WireJson<DroneFleetMessage> fleet);

    /// <summary>The scene all walls show (<see cref="WallSceneDirector"/>); sent on connecting and at each change.</summary>
    Task Scene(WallSceneMessage scene);
}

/// <summary>
/// The map's live feed at <c>/hubs/twin</c>; the protocol is in docs/hub-protocol.md. Connecting
/// needs <see cref="Policies.ViewWall"/>; each method names its own policy.
/// </summary>
[Authorize(Policy = Policies.ViewWall)]
public sealed class TwinHub(MapBroadcaster broadcaster, CameraLayer cameras, DroneBroadcaster drones, DroneDesk droneDesk, WallSceneDirector scenes, SignedInScope scopes,
    WallDeviceFeeds wallFeeds, HubSceneSender sceneSender)
    : Hub<ITwinClient>
{
    public const string Path = "/hubs/twin";

    public override async Task OnConnectedAsync()
    {
        // A 街镇's wall or console joins its organisation's group: the hub sends it nothing outside its
        // area, and the scene as its area follows it.
        var user = Context.User ?? new System.Security.Claims.ClaimsPrincipal();
        var scope = await scopes.OfAsync(user, Context.ConnectionAborted);
        wallFeeds.Connected(Context.ConnectionId, user);
        await broadcaster.SubscribeAsync(Context.ConnectionId, scope, Context.ConnectionAborted);
        drones.SendTo(Context.ConnectionId);
        await sceneSender.JoinAsync(Context.ConnectionId, scope, scenes.Current, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        wallFeeds.Disconnected(Context.ConnectionId);
        sceneSender.Leave(Context.ConnectionId);
        await broadcaster.UnsubscribeAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    [HubPolicy(Policies.ViewWall)]
    public Task RequestSnapshot() => broadcaster.ResyncAsync(Context.ConnectionId, Context.ConnectionAborted);

    /// <summary>The camera layer's FeatureCollection, serialised once (see <see cref="CameraLayer"/>).</summary>
    [HubPolicy(Policies.ViewWall)]
    public JsonElement GetCameras() => cameras.FeatureCollectionJson;

    [HubPolicy(Policies.ViewWall)]
    public async Task<DroneFleetMessage> GetDrones() =>
        drones.Current(await scopes.OfAsync(Context.User ?? new System.Security.Claims.ClaimsPrincipal(), Context.ConnectionAborted));

    /// <summary>
    /// A drone's telemetry over the hub; answered once it is on disk, or refused with the reason. A
    /// machine's write, like <c>POST /api/drones/telemetry</c>: it needs the ingestion key on the
    /// connection; no person's role may move a drone on everybody's map.
    /// </summary>
    [HubPolicy(Policies.ReportTelemetry)]
    public Task<TelemetryAck> SendDroneTelemetry(DroneTelemetryMessage report) => droneDesk.ReportAsync(report, Context.ConnectionAborted);
}
