using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace CommandCenter.Live;

/// <summary>
/// Feeds the built-in simulator into the pipeline a few times a second, up to the twin's clock.
/// Its first step registers the sensors the store lacks and takes over open simulated tickets.
/// </summary>
public sealed class SimulatorService(
    ITwinCommands commands,
    ITwinQueries queries,
    TwinClock clock,
    DistrictMap district,
    EventCatalogue catalogue,
    IReadOnlyList<Camera> cameras,
    FloodControlAssets floodControl,
    StormTrigger storm,
    NodeRole role,
    ISnapshotCamera snapshots,
    IOptions<SimulatorOptions> options,
    ILogger<SimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Simulator is off (Twin:Simulator:Enabled = false).");
            return;
        }

        await queries.WaitUntilReadyAsync(stoppingToken);

        // Simulated feeds come from the writer only: two nodes would report everything twice.
        await role.Settled.WaitAsync(stoppingToken);
        var simulator = new TwinSimulator(district, catalogue, cameras, settings, floodControl.Points) { SnapshotCamera = snapshots };
        logger.LogInformation("Simulator running at {Speed}× with {Sensors} sensors.", clock.SpeedFactor, simulator.Sensors.Count);
        var from = clock.GetUtcNow();
        using var timer = new PeriodicTimer(Step);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var to = clock.GetUtcNow();
            // Before the simulator's first step StartStorm refuses; the request then waits for the next step.
            if (storm.Pending && simulator.StartStorm(from))
            {
                storm.Started();
                logger.LogInformation("Typhoon scenario started at {At:O} (twin time).", from);
            }

            foreach (var command in simulator.Advance(from, to, queries.Current))
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
