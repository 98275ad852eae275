using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;

namespace CommandCenter.Live;

/// <summary>Wires what keeps the twin alive on screen: the simulator, the wall's snapshot feed and the health endpoints.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddTwinLive(this IServiceCollection services)
    {
        services.AddSingleton<StormTrigger>();
        services.AddHostedService<SimulatorService>();
        services.AddSingleton<WallFeed>();
        services.AddSingleton(sp => new AreaVitalSigns(
            sp.GetRequiredService<DistrictMap>(), sp.GetRequiredService<EventCatalogue>(), sp.GetRequiredService<IReadOnlyList<Camera>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WallFeed>());
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks().AddCheck<TwinHealthCheck>("twin").AddCheck<StoreHealthCheck>("store");
        return services;
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (a supervisor restarts it when not);
    /// <c>/healthz/ready</c> and <c>/healthz</c>: every check — the twin running (not starting or
    /// writing its history), the store taking writes with disk to spare, the accounts bootstrapped —
    /// so a load balancer sends no one to an instance that cannot keep what it is sent.
    /// </summary>
    public static IEndpointRouteBuilder MapTwinLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync })
            .AllowAnonymous();
        foreach (var path in (string[])["/healthz/ready", "/healthz"])
        {
            endpoints.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        }

        return endpoints;
    }
}
