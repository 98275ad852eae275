using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CommandCenter.Live;

/// <summary>Wires what keeps the twin alive on screen: the simulator, the wall's snapshot feed and the health endpoint.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddTwinLive(this IServiceCollection services)
    {
        services.AddHostedService<SimulatorService>();
        services.AddSingleton<WallFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<WallFeed>());
        services.AddHealthChecks().AddCheck<TwinHealthCheck>("twin");
        return services;
    }

    public static IEndpointRouteBuilder MapTwinLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        return endpoints;
    }
}
