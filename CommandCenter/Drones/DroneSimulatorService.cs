using CommandCenter.Live;
using Twin.Domain.Drones;

namespace CommandCenter.Drones;

/// <summary>
/// Flies the simulated fleet (Twin:Simulator:DroneCount drones) a few times a second up to the
/// twin's clock, on the routes in force.
/// </summary>
public sealed class DroneSimulatorService(TwinRuntime runtime, PatrolRouteCatalog routes, ILogger<DroneSimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runtime.Simulator.Enabled || runtime.Simulator.DroneCount == 0)
        {
            return;
        }

        await runtime.Ready.WaitAsync(stoppingToken);
        var simulator = new DroneSimulator(runtime.District, new OperatingArea(runtime.District), routes.Routes, runtime.Simulator.DroneCount, runtime.Simulator.Seed);
        logger.LogInformation("Drone simulator flying {Count} drones on {Routes} routes ({Source}).", runtime.Simulator.DroneCount, routes.Routes.Length, routes.Source);
        var from = runtime.Clock.GetUtcNow();
        using var timer = new PeriodicTimer(Step);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var to = runtime.Clock.GetUtcNow();
            foreach (var command in simulator.Advance(from, to, runtime.Pipeline.Current, routes.Routes))
            {
                if (!runtime.Pipeline.TryPost(command))
                {
                    await runtime.Pipeline.SubmitAsync(command, stoppingToken);
                }
            }

            from = to;
        }
    }
}
