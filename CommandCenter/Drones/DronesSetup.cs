using CommandCenter.Configuration;

namespace CommandCenter.Drones;

/// <summary>Wires the drone patrols: routes, simulator, fleet push, feeds and the officers' desk.</summary>
public static class DronesSetup
{
    public static IServiceCollection AddDrones(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DroneOptions>().Bind(configuration.GetSection(DroneOptions.Section)).CheckedAtStart(o => o.Problems());
        services.AddSingleton<PatrolRouteCatalog>();
        services.AddSingleton<FrameRenderer>();
        services.AddSingleton<DroneFeeds>();
        services.AddSingleton<DroneDesk>();
        services.AddSingleton<DroneBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<DroneBroadcaster>());
        services.AddHostedService<DroneSimulatorService>();
        return services;
    }
}
