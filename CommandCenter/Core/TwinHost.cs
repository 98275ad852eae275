using CommandCenter.Drones;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.History;
using Twin.Data.Nodes;
using Twin.Data.Pipeline;
using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace CommandCenter.Core;

/// <summary>
/// Hosts the twin: on a first run writes the simulated district's past into the store, rebuilds
/// the engine from the store, then runs the single-writer pipeline and a clock tick that lets
/// time-driven state (sensor health, the day's counters) advance. With two or more nodes on
/// PostgreSQL (<paramref name="nodes"/>), it does so only once this node holds the writer's lock,
/// and follows the writer's commits until then (TwinHost.Nodes.cs, docs/two-nodes.md).
/// </summary>
public sealed partial class TwinHost(
    TwinPipeline pipeline,
    TwinStore store,
    TwinReadiness readiness,
    TwinClock clock,
    DistrictMap district,
    EventCatalogue catalogue,
    IReadOnlyList<Camera> cameras,
    IOptions<SimulatorOptions> simulator,
    NodeRole role,
    IHostApplicationLifetime lifetime,
    ILogger<TwinHost> logger,
    TwinNodes? nodes = null,
    ChangeStream? changeStream = null,
    PatrolRouteCatalog? routes = null) : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var followed = false;
        TakeOverTimes? times = null;
        if (nodes is not null)
        {
            if (await FollowUntilWriterAsync(nodes, stoppingToken) is not { } wasFollowing)
            {
                return;
            }

            followed = wasFollowing;
            times = new TakeOverTimes(nodes.Lease.AcquiredAt);
            times.Mark();
        }

        try
        {
            if (nodes is not null)
            {
                await FenceAsync(nodes, stoppingToken);
                times?.Mark();
            }

            await WarmStartIfFirstRunAsync(initialize: nodes is null, indexPlaces: !followed, stoppingToken);
            times?.Mark();

            // A follower's screens hold its last reload: the reload's reset also brings them what the old writer committed since.
            await (followed ? pipeline.ReloadAsync(stoppingToken) : pipeline.StartupAsync(stoppingToken));
            times?.Mark();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "The twin could not start from its store.");
            readiness.MarkFailed(ex);
            throw;
        }

        var writer = pipeline.RunAsync(stoppingToken);
        role.MarkWriting();
        readiness.MarkReady();
        times?.Mark();
        var handOffs = nodes is null ? Task.CompletedTask : ServeFollowersAsync(nodes, stoppingToken);
        if (nodes is not null && times is not null)
        {
            _ = SettleAfterFirstRoundAsync(nodes, times, followed, stoppingToken);
        }
        else
        {
            role.MarkSettled();
        }

        logger.LogInformation("Twin running: {Sensors} sensors, {Tickets} tickets in memory.",
            pipeline.Current.Sensors.Length, pipeline.Current.Tickets.Length);
        try
        {
            using var timer = new PeriodicTimer(TickInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await pipeline.SubmitAsync(new TickCommand(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A tick whose batch could not be written (the pipeline logged why, readiness says so):
                    // the next one tries again; ending the loop would stop the host.
                    logger.LogDebug(ex, "A clock tick was not written.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            readiness.MarkStopped();
            await handOffs.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>A new writer's search places (roads, 街镇), as every start writes them, once it writes.</summary>
    private async Task IndexPlacesAsync(CancellationToken ct)
    {
        try
        {
            await store.IndexPlacesAsync(SearchPlaces.Of(district), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The old writer's places stay in the store: search still finds them.
            logger.LogWarning(ex, "Indexing the search places after the take-over failed.");
        }
    }

    /// <summary>
    /// On a first run (an empty store) the simulated month before now is written before the engine is
    /// built from the store. <paramref name="initialize"/> false: the fence's start already migrated the
    /// store. <paramref name="indexPlaces"/> false: a take-over, whose store the old writer indexed;
    /// this node re-indexes once it writes, off the failover's path.
    /// </summary>
    private async Task WarmStartIfFirstRunAsync(bool initialize, bool indexPlaces, CancellationToken ct)
    {
        var options = simulator.Value;
        if (initialize)
        {
            await store.InitializeAsync(ct);
        }

        if (indexPlaces)
        {
            await store.IndexPlacesAsync(SearchPlaces.Of(district), ct);
        }

        if (!options.Enabled || options.HistoryDays == 0 || !await store.IsEmptyAsync(ct))
        {
            return;
        }

        logger.LogInformation("First run: writing the simulated district's previous {Days} days into the store.", options.HistoryDays);
        var warmStart = new WarmStart(district, catalogue, cameras, options) { PatrolRoutes = routes?.Routes ?? [] };
        var result = await warmStart.RunAsync(store, clock.GetUtcNow(), new Progress<WarmStartProgress>(readiness.ReportWarmStart), ct);
        logger.LogInformation(
            "History written in {Seconds:F1} s: {Tickets} tickets, {Alarms} alarms, {Readings} readings.",
            result.Elapsed.TotalSeconds, result.Tickets, result.Alarms, result.Observations);
    }
}
