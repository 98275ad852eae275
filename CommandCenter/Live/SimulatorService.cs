using Twin.Domain.Engine;
using Twin.Domain.Simulation;

namespace CommandCenter.Live;

/// <summary>
/// Feeds the built-in simulator into the pipeline a few times a second: on first start it
/// registers the simulated sensor fleet, then it advances the simulation up to the twin's clock.
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
        var simulator = new TwinSimulator(runtime.District, runtime.Catalogue, runtime.Simulator);
        var known = runtime.Pipeline.Current.Sensors.Select(s => s.Definition.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var sensor in simulator.Sensors.Where(s => !known.Contains(s.Id)))
        {
            await runtime.Pipeline.SubmitAsync(new RegisterSensorCommand(sensor), stoppingToken);
        }

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
