using CommandCenter.Scenes;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Hub;

/// <summary>Pushes the walls' scene to every screen on the hub.</summary>
public sealed class HubSceneSender(IHubContext<TwinHub, ITwinClient> hub) : IWallSceneSender
{
    public Task SendToAllAsync(WallSceneMessage scene, CancellationToken ct) => hub.Clients.All.Scene(scene);
}
