using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Engine;

namespace CommandCenter.Core;

/// <summary>
/// Hosts the twin: rebuilds the engine from the store, then runs the single-writer pipeline and
/// a clock tick that lets time-driven state (sensor health, the day's counters) advance.
/// </summary>
public sealed class TwinHost(TwinPipeline pipeline, TwinReadiness readiness, ILogger<TwinHost> logger) : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await pipeline.StartupAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "The twin could not start from its store.");
            readiness.MarkFailed(ex);
            throw;
        }

        var writer = pipeline.RunAsync(stoppingToken);
        readiness.MarkReady();
        logger.LogInformation("Twin running: {Sensors} sensors, {Tickets} tickets in memory.",
            pipeline.Current.Sensors.Length, pipeline.Current.Tickets.Length);
        try
        {
            using var timer = new PeriodicTimer(TickInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await pipeline.SubmitAsync(new TickCommand(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            readiness.MarkStopped();
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
