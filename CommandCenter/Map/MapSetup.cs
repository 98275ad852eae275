using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Diagnostics;
using Twin.Domain.Cameras;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>Wires the wall's map feed: its per-screen fanout (the hub itself is in <c>Hub/</c>), the broadcaster of deltas and the static camera layer.</summary>
public static class MapSetup
{
    public static IServiceCollection AddTwinMap(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var fanout = new MapFanout(
                sp.GetRequiredService<IMapSender>(),
                sp.GetRequiredService<IOptions<TwinOptions>>().Value.Map.SubscriberQueueLength,
                sp.GetRequiredService<ILogger<MapFanout>>());
            sp.GetRequiredService<TwinMetrics>().ObserveHub(() => fanout.Subscribers, () => fanout.Overflows);
            return fanout;
        });
        services.AddSingleton<MapBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<MapBroadcaster>());
        services.AddSingleton(sp => new CameraLayer(sp.GetRequiredService<DistrictMap>(), sp.GetRequiredService<IReadOnlyList<Camera>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapTwinMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTwinMapEndpoints();
        endpoints.MapCameraEndpoints();
        return endpoints;
    }
}
