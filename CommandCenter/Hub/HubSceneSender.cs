using System.Collections.Concurrent;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.SignalR;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;

namespace CommandCenter.Hub;

/// <summary>
/// Pushes the walls' scene to every screen on the hub, each as its organisation follows it
/// (<see cref="WallSceneMessage.Within"/>): a 街镇's screens are a group of their own, so a
/// presenter's step to another area reaches them framed on their own 街镇.
/// </summary>
public sealed class HubSceneSender(IHubContext<TwinHub, ITwinClient> hub, DistrictMap district) : IWallSceneSender
{
    private const string DistrictGroup = "scene:district";
    private readonly ConcurrentDictionary<string, string> _groups = new(StringComparer.Ordinal);

    public async Task SendToAllAsync(WallSceneMessage scene, CancellationToken ct)
    {
        if (scene.Focus is null && scene.Target is null)
        {
            // Nothing to keep within an area: one message for every screen.
            await hub.Clients.All.Scene(scene);
            return;
        }

        await hub.Clients.Group(DistrictGroup).Scene(scene);
        foreach (var area in district.SubDistricts)
        {
            await hub.Clients.Group(GroupOf(area.Code)).Scene(scene.Within(area.Code, district));
        }
    }

    /// <summary>
    /// Puts a connection in its scope's group (out of the one it was in, when an admin moved its wall
    /// to another organisation) and sends it <paramref name="current"/> as that scope follows it.
    /// </summary>
    public async Task JoinAsync(string connectionId, AccessScope scope, WallSceneMessage current, CancellationToken ct)
    {
        var group = GroupOf(scope.Area);
        if (_groups.TryGetValue(connectionId, out var old) && old != group)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, old, ct);
        }

        _groups[connectionId] = group;
        await hub.Groups.AddToGroupAsync(connectionId, group, ct);
        await hub.Clients.Client(connectionId).Scene(current.Within(scope.Area, district));
    }

    public void Leave(string connectionId) => _groups.TryRemove(connectionId, out _);

    private static string GroupOf(string? area) => area is null ? DistrictGroup : "scene:area:" + area;
}
