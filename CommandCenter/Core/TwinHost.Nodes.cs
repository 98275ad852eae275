using System.Diagnostics;
using System.Threading.Channels;
using Twin.Data.Nodes;
using Twin.Domain.Engine;

namespace CommandCenter.Core;

/// <summary>The host's part in two or more nodes on one PostgreSQL store (docs/two-nodes.md).</summary>
public sealed partial class TwinHost
{
    /// <summary>How long a starting node waits for the lock before it starts as a follower: a node alone becomes the writer (and warm-starts an empty store) without first following nothing.</summary>
    private static readonly TimeSpan FirstClaim = TimeSpan.FromSeconds(3);

    /// <summary>Whether, while following, the store was found migrated for this build: a take-over then skips the migrations' lock.</summary>
    private bool _storeMigrated;

    /// <summary>Least time between two notifications of the writer's commits: a follower's screens lag the writer by up to this plus its reload and the pause before it.</summary>
    private static readonly TimeSpan AnnounceEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Starts listening and asks for the writer's lock; until this node holds it, serves reads from
    /// the store's state, reloaded after the writer's commits. Once this node holds the lock (the
    /// caller then rebuilds and writes): whether it followed first; null when the node is stopping.
    /// </summary>
    private async Task<bool?> FollowUntilWriterAsync(TwinNodes nodes, CancellationToken ct)
    {
        _ = nodes.Signals.ListenAsync(ct);
        _ = StopWhenLeaseEndsAsync(nodes.Lease.HoldAsync(ct), ct);
        var acquired = nodes.Lease.Acquired;
        await Task.WhenAny(acquired, Task.Delay(FirstClaim, ct));
        if (acquired.IsCompleted || ct.IsCancellationRequested)
        {
            return ct.IsCancellationRequested ? null : false;
        }

        logger.LogInformation("Another node is the writer: this node follows its commits and hands commands to it.");
        using var streamed = changeStream?.Follow();

        // A reload under way when the lock comes is abandoned: the take-over reloads after its fence anyway, and a full restore at a busy time took seconds.
        using var tookLock = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _ = acquired.ContinueWith(_ => CancelQuietly(tookLock), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var loaded = false;
        Task<long>? notified = null;
        var paused = TimeSpan.Zero;
        var reloads = new Queue<TimeSpan>();
        while (!acquired.IsCompleted && !ct.IsCancellationRequested)
        {
            var committed = nodes.Signals.Next(NodeSignals.Committed);
            var reloading = Stopwatch.GetTimestamp();
            try
            {
                await pipeline.ReloadAsync(tookLock.Token);
                LogFollowed(Stopwatch.GetElapsedTime(reloading).TotalMilliseconds,
                    notified is { IsCompletedSuccessfully: true } ? Stopwatch.GetElapsedTime(notified.Result, reloading).TotalMilliseconds : double.NaN, paused.TotalMilliseconds);
                if (!loaded)
                {
                    _storeMigrated = !await store.HasPendingMigrationsAsync(tookLock.Token);
                    loaded = true;
                    readiness.MarkReady();
                    logger.LogInformation("Following: {Sensors} sensors, {Tickets} tickets in memory.", pipeline.Current.Sensors.Length, pipeline.Current.Tickets.Length);
                }
            }
            catch (OperationCanceledException) when (acquired.IsCompleted && !ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The writer may still be migrating or warm-starting an empty store: try again on its next commit or a second later.
                logger.LogWarning(ex, "Reading the writer's state failed; trying again.");
                committed = Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            notified = committed.ContinueWith(_ => Stopwatch.GetTimestamp(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            reloads.Enqueue(Stopwatch.GetElapsedTime(reloading));
            if (reloads.Count > ReloadsJudged)
            {
                reloads.Dequeue();
            }

            paused = PauseAfter(reloads.Order().ElementAt(reloads.Count / 2), nodes.Options.RefreshInterval);
            await Task.WhenAny(acquired, Task.Delay(paused, ct));
            await Task.WhenAny(acquired, committed, Task.Delay(TimeSpan.FromSeconds(30), ct));
        }

        return ct.IsCancellationRequested ? null : true;
    }

    /// <summary>
    /// The pause before a follower's next reload: a reload reads the whole state, so the pause is
    /// <see cref="ReloadPauseFactor"/> times what a reload takes (reloads then take about a fifth of
    /// the node's time, however often the writer commits), and never more than
    /// <paramref name="refreshInterval"/>, the most its screens may lag. A fixed pause of the whole
    /// interval put the follower's screens about a second behind the writer's even where a reload
    /// took a few tens of milliseconds. What a reload takes is the median of the last
    /// <see cref="ReloadsJudged"/>: judged on the last one alone, one slow reload (a collection, a
    /// busy moment of the machine) paused the next for the whole interval, and that pause was the
    /// follower's screens' p99 lag (fan-out bench, session 14).
    /// </summary>
    private static TimeSpan PauseAfter(TimeSpan reload, TimeSpan refreshInterval) =>
        reload * ReloadPauseFactor < refreshInterval ? reload * ReloadPauseFactor : refreshInterval;

    private const int ReloadPauseFactor = 4;

    private const int ReloadsJudged = 9;

    /// <summary>Where a follower's lag goes (the fan-out bench reads it): the writer's notification → this reload's start (the pause after the last reload is part of it) → its end.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Follower reload took {ReloadMs:F0} ms; it started {WaitMs:F0} ms after the writer's notification, after a pause of {PauseMs:F0} ms.")]
    private partial void LogFollowed(double reloadMs, double waitMs, double pauseMs);

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The follow loop had already ended.
        }
    }

    /// <summary>
    /// Once this node holds the lock: migrates, then takes the next writer epoch, which every batch
    /// of this node checks in its transaction (<see cref="WriterFence"/>), before anything is written
    /// or the rebuild reads the store. A batch found fenced stops the node, as a lost lease does.
    /// </summary>
    private async Task FenceAsync(TwinNodes nodes, CancellationToken ct)
    {
        await (_storeMigrated ? store.InitializeMigratedAsync(ct) : store.InitializeAsync(ct));
        var fence = await nodes.Lease.FenceAsync(ct);
        store.Fence = fence;
        _ = StopWhenLeaseEndsAsync(fence.Lost, ct);
        logger.LogInformation("Writer epoch {Epoch}: batches of an earlier writer are refused from now on.", fence.Epoch);
    }

    /// <summary>
    /// Once the new writer's first inbox round is done (the commands queued while no node wrote, its
    /// callers waiting): logs where the take-over's time went from the moment this node took the lock
    /// (docs/two-nodes.md "Failover"; the failover bench reads this line), then lets what writes on a
    /// timer start (<see cref="Twin.Data.Boundary.NodeRole.Settled"/>) and, after a take-over, re-indexes the search places.
    /// </summary>
    private async Task SettleAfterFirstRoundAsync(TwinNodes nodes, TakeOverTimes times, bool followed, CancellationToken ct)
    {
        try
        {
            var commands = await nodes.Inbox.FirstDrain.WaitAsync(ct);
            times.Mark();
            logger.LogInformation(
                "Took over as the writer in {TakeOverMs:F0} ms from taking the lock: follower's reload given up {ReloadStopMs:F0} ms, fence {FenceMs:F0} ms, " +
                "store checks {ChecksMs:F0} ms, rebuild {RebuildMs:F0} ms, writer started {StartMs:F0} ms, first inbox round {InboxMs:F0} ms ({Commands} commands).",
                times.Total, times[0], times[1], times[2], times[3], times[4], times[5], commands);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }

        role.MarkSettled();
        if (followed)
        {
            await IndexPlacesAsync(ct);
        }
    }

    /// <summary>The parts of a take-over, each from the end of the one before, the first from taking the lock.</summary>
    private sealed class TakeOverTimes(long lockedAt)
    {
        private readonly List<double> _parts = [];
        private long _last = lockedAt;

        public double this[int part] => part < _parts.Count ? _parts[part] : double.NaN;

        public double Total => _parts.Sum();

        public void Mark()
        {
            var now = Stopwatch.GetTimestamp();
            _parts.Add(Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds);
            _last = now;
        }
    }

    /// <summary>On the writer: answers the followers' inbox, streams them each commit's changes and tells them to reload after it.</summary>
    private Task ServeFollowersAsync(TwinNodes nodes, CancellationToken ct) =>
        Task.WhenAll(nodes.Inbox.DrainAsync(SubmitInOrderAsync, ct), AnnounceCommitsAsync(nodes.Signals, ct), changeStream?.PublishAsync(ct) ?? Task.CompletedTask);

    /// <summary>Submitted together (one batch), in order, each answered in its batch's transaction; false when a batch failed, so its commands stay in the inbox.</summary>
    private async Task<bool> SubmitInOrderAsync(IReadOnlyList<(long InboxId, TwinCommand Command)> commands, CancellationToken ct)
    {
        var pending = commands.Select(c => pipeline.SubmitAsync(c.Command, c.InboxId, ct).AsTask()).ToList();
        await Task.WhenAll((IEnumerable<Task>)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return pending.All(t => t.IsCompletedSuccessfully);
    }

    private async Task AnnounceCommitsAsync(NodeSignals signals, CancellationToken ct)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnCommitted(Twin.Data.Pipeline.TwinChangeSet _) => changed.Writer.TryWrite(true);
        pipeline.Committed += OnCommitted;
        try
        {
            while (await changed.Reader.WaitToReadAsync(ct))
            {
                changed.Reader.TryRead(out _);
                try
                {
                    await signals.NotifyAsync(NodeSignals.Committed, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Followers also reload on their own every half minute; the next commit notifies again.
                    logger.LogWarning(ex, "Notifying the followers of a commit failed.");
                }

                await Task.Delay(AnnounceEvery, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            pipeline.Committed -= OnCommitted;
        }
    }

    /// <summary>A node that lost the lock's session, or whose batch was fenced, must not write on: another node may hold it now. It stops; its service manager starts it again as a follower.</summary>
    private async Task StopWhenLeaseEndsAsync(Task holding, CancellationToken ct)
    {
        await holding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!ct.IsCancellationRequested)
        {
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
