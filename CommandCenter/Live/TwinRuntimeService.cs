using Twin.Data.History;
using Twin.Domain.Engine;

namespace CommandCenter.Live;

/// <summary>
/// Hosts the twin: rebuilds the engine from the store, then runs the single-writer pipeline and
/// a clock tick that lets time-driven state (sensor health, the day's counters) advance.
/// </summary>
public sealed class TwinRuntimeService(TwinRuntime runtime, ILogger<TwinRuntimeService> logger) : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WarmStartIfFirstRunAsync(stoppingToken);
            await runtime.Pipeline.StartupAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "The twin could not start from its store.");
            runtime.MarkFailed(ex);
            throw;
        }

        var pipeline = runtime.Pipeline.RunAsync(stoppingToken);
        runtime.MarkReady();
        logger.LogInformation("Twin running: {Sensors} sensors, {Tickets} tickets in memory.",
            runtime.Pipeline.Current.Sensors.Length, runtime.Pipeline.Current.Tickets.Length);
        try
        {
            using var timer = new PeriodicTimer(TickInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await runtime.Pipeline.SubmitAsync(new TickCommand(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            runtime.MarkStopped();
            await pipeline.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>On a first run (an empty store) the simulated month before now is written before the engine is built from the store.</summary>
    private async Task WarmStartIfFirstRunAsync(CancellationToken ct)
    {
        var options = runtime.Simulator;
        await runtime.Store.InitializeAsync(ct);
        if (!options.Enabled || options.HistoryDays == 0 || !await runtime.Store.IsEmptyAsync(ct))
        {
            return;
        }

        logger.LogInformation("First run: writing the simulated district's previous {Days} days into the store.", options.HistoryDays);
        var warmStart = new WarmStart(runtime.District, runtime.Catalogue, runtime.Cameras, options);
        var result = await warmStart.RunAsync(runtime.Store, runtime.Clock.GetUtcNow(), new Progress<WarmStartProgress>(runtime.ReportWarmStart), ct);
        logger.LogInformation(
            "History written in {Seconds:F1} s: {Tickets} tickets, {Alarms} alarms, {Readings} readings.",
            result.Elapsed.TotalSeconds, result.Tickets, result.Alarms, result.Observations);
    }
}
