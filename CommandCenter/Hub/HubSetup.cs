using CommandCenter.Configuration;
using CommandCenter.Map;
using CommandCenter.Scenes;
using StackExchange.Redis;

namespace CommandCenter.Hub;

/// <summary>
/// Wires the live hub at <c>/hubs/twin</c>. It carries both the map's deltas and the drone fleet,
/// so it lives above Map and Drones and neither of those two folders needs the other.
/// </summary>
public static class HubSetup
{
    public static IServiceCollection AddTwinHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScaleOptions>().Bind(configuration.GetSection(ScaleOptions.Section)).CheckedAtStart(o => o.Problems());
        var signalR = services.AddSignalR();

        // With Redis, a send from any node's hub context (to all, a group or one connection) reaches
        // screens connected to every node; without it the hub stays in this process, as on one node.
        var scale = configuration.GetSection(ScaleOptions.Section).Get<ScaleOptions>() ?? new ScaleOptions();
        if (scale.UsesRedis && !scale.Problems().Any())
        {
            signalR.AddStackExchangeRedis(scale.Redis!, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(scale.ChannelPrefix));
            services.AddHealthChecks().AddCheck<BackplaneHealthCheck>("backplane");
        }

        services.AddSingleton<IMapSender, HubMapSender>();
        services.AddSingleton<HubSceneSender>();
        services.AddSingleton<IWallSceneSender>(sp => sp.GetRequiredService<HubSceneSender>());
        services.AddSingleton<WallDeviceFeeds>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwinHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<TwinHub>(TwinHub.Path);
        return endpoints;
    }
}
