using Twin.Domain.Simulation;

namespace CommandCenter.Live;

/// <summary>
/// Feeds the built-in simulator into the pipeline a few times a second, up to the twin's clock.
/// Its first step registers the sensors the store lacks and takes over open simulated tickets.
/// </summary>
public sealed class SimulatorService(TwinRuntime runtime, ILogger<SimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runtime.Simulator.Enabled)
        {
            logger.LogInformation("Simulator is off (Twin:Simulator:Enabled = false).");
            return;
        }

        await runtime.Ready.WaitAsync(stoppingToken);
        var simulator = new TwinSimulator(runtime.District, runtime.Catalogue, runtime.Cameras, runtime.Simulator, runtime.FloodControl.Points);
        logger.LogInformation("Simulator running at {Speed}× with {Sensors} sensors.", runtime.SpeedFactor, simulator.Sensors.Count);
        var from = runtime.Clock.GetUtcNow();
        using var timer = new PeriodicTimer(Step);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var to = runtime.Clock.GetUtcNow();
            foreach (var command in simulator.Advance(from, to, runtime.Pipeline.Current))
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
