using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Drones;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace CommandCenter.Drones;

/// <summary>
/// Flies the simulated fleet (Twin:Simulator:DroneCount drones) a few times a second up to the
/// twin's clock, on the routes in force.
/// </summary>
public sealed class DroneSimulatorService(
    ITwinCommands commands,
    ITwinQueries queries,
    TwinClock clock,
    DistrictMap district,
    IOptions<SimulatorOptions> options,
    PatrolRouteCatalog routes,
    NodeRole role,
    ILogger<DroneSimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.DroneCount == 0)
        {
            return;
        }

        await queries.WaitUntilReadyAsync(stoppingToken);

        // Simulated flights come from the writer only (docs/two-nodes.md).
        await role.Settled.WaitAsync(stoppingToken);
        var simulator = new DroneSimulator(district, new OperatingArea(district), routes.Routes, settings.DroneCount, settings.Seed);
        logger.LogInformation("Drone simulator flying {Count} drones on {Routes} routes ({Source}).", settings.DroneCount, routes.Routes.Length, routes.Source);
        var from = clock.GetUtcNow();
        using var timer = new PeriodicTimer(Step);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var to = clock.GetUtcNow();
            foreach (var command in simulator.Advance(from, to, queries.Current, routes.Routes))
            {
                if (!commands.TryPost(command))
                {
                    await commands.SubmitAsync(command, stoppingToken);
                }
            }

            from = to;
        }
    }
}
