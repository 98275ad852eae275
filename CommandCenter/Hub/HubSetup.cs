using CommandCenter.Map;
using CommandCenter.Scenes;

namespace CommandCenter.Hub;

/// <summary>
/// Wires the live hub at <c>/hubs/twin</c>. It carries both the map's deltas and the drone fleet,
/// so it lives above Map and Drones and neither of those two folders needs the other.
/// </summary>
public static class HubSetup
{
    public static IServiceCollection AddTwinHub(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<IMapSender, HubMapSender>();
        services.AddSingleton<IWallSceneSender, HubSceneSender>();
        services.AddSingleton<WallDeviceFeeds>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwinHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<TwinHub>(TwinHub.Path);
        return endpoints;
    }
}
