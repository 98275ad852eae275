using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Twin.Data.Boundary;
using Twin.Data.Diagnostics;
using Twin.Data.Store;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Data.Pipeline;

/// <summary>
/// The single writer: it owns the engine, applies inputs in arrival order, writes each batch in
/// one transaction and only then acknowledges it (acknowledged = on disk). If a write fails, the
/// batch's acknowledgements fail and the engine is rebuilt from the store, so memory never holds
/// what the disk does not. Idempotency keys are checked here too, batch by batch, so that no two
/// copies of one request can both create. Call <see cref="StartupAsync"/> once, then run <see cref="RunAsync"/>.
/// </summary>
public sealed partial class TwinPipeline
{
    private readonly TwinEngine _engine;
    private readonly TwinStore _store;
    private readonly TwinPipelineOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue;
    private readonly Channel<Pending> _first = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private volatile TwinSnapshot _current;
    private long _snapshotBuiltAt;
    private bool _snapshotStale;
    private bool _needsRebuild;
    private int _postedWaiting;

    public TwinPipeline(TwinEngine engine, TwinStore store, TwinPipelineOptions? options = null, ILogger<TwinPipeline>? logger = null, TwinMetrics? metrics = null)
    {
        _engine = engine;
        _store = store;
        _options = options ?? new TwinPipelineOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PostedBacklog, 1);
        _logger = logger ?? NullLogger<TwinPipeline>.Instance;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _current = engine.Snapshot();
        _snapshotBuiltAt = Stopwatch.GetTimestamp();
        _metrics = metrics;
        metrics?.ObserveQueueDepth(() => _queue.Reader.Count);
    }

    /// <summary>
    /// The latest picture: rebuilt at once after ticket or alarm changes, otherwise at most every
    /// <see cref="TwinPipelineOptions.SnapshotInterval"/> and never later than that after a change.
    /// </summary>
    public TwinSnapshot Current => _current;

    /// <summary>Raised on the writer after each committed batch that changed something; handlers must be quick.</summary>
    public event Action<TwinChangeSet>? Committed;

    /// <summary>Applies migrations and rebuilds the engine from what the store kept.</summary>
    public async Task StartupAsync(CancellationToken ct = default)
    {
        await _store.InitializeAsync(ct);
        var state = await _store.LoadRestoreStateAsync(_engine.Now, _engine.Evaluation.Length, ct);
        _engine.Restore(state);
        PublishSnapshot();
        LogRestored(state.Sensors.Count, state.Tickets.Count, state.Alarms.Count);
    }

    /// <summary>Queues an input and completes once the batch holding it is committed to disk.</summary>
    public ValueTask<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default) => SubmitAsync(command, null, ct);

    /// <summary>
    /// Queues a command a follower node handed over through the inbox (docs/two-nodes.md): its
    /// outcome is written into inbox row <paramref name="inboxId"/> in the batch's own transaction.
    /// </summary>
    public async ValueTask<CommandOutcome> SubmitAsync(TwinCommand command, long? inboxId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ack = new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = new Pending(command, ack, GoesFirst(command) ? new FirstLane() : null, inboxId);
        if (pending.Lane is not null)
        {
            _first.Writer.TryWrite(pending);
        }

        await _queue.Writer.WriteAsync(pending, ct);
        return await ack.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Queues an input without waiting (the simulator's readings): it is applied and persisted in
    /// order like any other, but nobody learns of a refusal or a failed write. False when the queue
    /// is closed or already holds <see cref="TwinPipelineOptions.PostedBacklog"/> posted inputs.
    /// </summary>
    public bool TryPost(TwinCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Inputs are applied in arrival order, so an officer's action waits behind whatever was
        // posted before it; a producer faster than the disk must slow down instead of piling up
        // a backlog that delays everyone else's acknowledgements.
        if (Interlocked.Increment(ref _postedWaiting) > _options.PostedBacklog || !_queue.Writer.TryWrite(new Pending(command, null)))
        {
            Interlocked.Decrement(ref _postedWaiting);
            return false;
        }

        return true;
    }

    /// <summary>Stops taking inputs; <see cref="RunAsync"/> finishes what is queued and returns.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// The writer loop. Cancelling it lets the batch in flight finish and fails what is still
    /// queued; <see cref="Complete"/> instead drains the queue first.
    /// </summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        try
        {
            while (await WaitForInputAsync(reader, ct))
            {
                batch.Clear();
                if (!TakeFirst(batch))
                {
                    while (batch.Count < _options.MaxBatch && reader.TryRead(out var pending))
                    {
                        if (!Take(pending))
                        {
                            continue;
                        }

                        batch.Add(pending);
                        if (pending.Ack is null)
                        {
                            Interlocked.Decrement(ref _postedWaiting);
                        }
                    }
                }

                if (batch.Count > 0)
                {
                    await ProcessAsync(batch);
                }
            }

            if (_snapshotStale)
            {
                PublishSnapshot();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogStopped();
        }
        finally
        {
            _queue.Writer.TryComplete();
            var stopped = new InvalidOperationException("The twin pipeline stopped before this input was applied.");
            _first.Writer.TryComplete();
            while (reader.TryRead(out var pending) || _first.Reader.TryRead(out pending))
            {
                pending.Ack?.TrySetException(stopped);
            }
        }
    }

    private async Task ProcessAsync(List<Pending> batch)
    {
        if (_needsRebuild && !await TryRebuildFromStoreAsync())
        {
            var unavailable = new InvalidOperationException("The twin store is unavailable; the input was not applied.");
            foreach (var pending in batch)
            {
                pending.Ack?.TrySetException(unavailable);
            }

            CountFailed(batch);
            return;
        }

        // Keys already on disk, read before anything of this batch is applied: nothing else writes
        // between this read and the apply, so a key is either known here or made by this batch.
        Dictionary<IdempotencyKey, StoredKey> known;
        try
        {
            known = await FindKnownKeysAsync(batch);
        }
        catch (Exception ex)
        {
            // Nothing applied yet: the batch fails whole, and as after a failed write the store
            // must answer a rebuild before the next batch is taken.
            LogWriteFailed(ex, batch.Count);
            WriteHealth.Failed(ex);
            _needsRebuild = true;
            foreach (var pending in batch)
            {
                pending.Ack?.TrySetException(ex);
            }

            CountFailed(batch);
            return;
        }

        var results = new InputResult[batch.Count];
        var found = new StoredKey?[batch.Count];
        var replayOf = new int[batch.Count];
        var commandEvents = new IReadOnlyList<TwinEvent>[batch.Count];
        var firstInBatch = new Dictionary<IdempotencyKey, int>();
        var events = new List<TwinEvent>();
        var observations = new List<Observation>();
        var observationOf = new int[batch.Count];
        var newTickets = new List<TicketReport>();
        var anyAccepted = false;
        var faulted = new HashSet<int>();
        var applying = Stopwatch.GetTimestamp();
        for (var i = 0; i < batch.Count; i++)
        {
            var command = batch[i].Command;
            commandEvents[i] = [];
            observationOf[i] = -1;
            replayOf[i] = -1;
            var key = batch[i].Ack is null ? null : IdempotencyKey.Of(command);
            if (key is not null && known.TryGetValue(key, out var stored))
            {
                found[i] = stored;
                continue;
            }

            if (key is not null && firstInBatch.TryGetValue(key, out var first))
            {
                replayOf[i] = first;
                continue;
            }

            InputResult result;
            try
            {
                result = results[i] = _engine.Apply(command);
            }
            catch (Exception ex)
            {
                // An engine bug: this input fails alone, and the engine is rebuilt once the batch is written.
                LogApplyFailed(ex, command.GetType().Name);
                batch[i].Ack?.TrySetException(ex);
                faulted.Add(i);
                continue;
            }

            commandEvents[i] = _engine.DrainEvents();
            events.AddRange(commandEvents[i]);
            if (!result.Accepted)
            {
                if (batch[i].Ack is null)
                {
                    LogPostRefused(command.GetType().Name, result.Reason);
                }

                continue;
            }

            anyAccepted = true;
            if (key is not null)
            {
                firstInBatch[key] = i;
            }

            switch (command)
            {
                case RecordObservationCommand c:
                    observationOf[i] = observations.Count;
                    observations.Add(c.Observation);
                    break;
                case ReportTicketCommand c:
                    newTickets.Add(c.Report);
                    break;
            }
        }

        _metrics?.BatchApplied(Stopwatch.GetElapsedTime(applying), batch.Count);

        // What a faulted input left behind is written too, as before: the rebuild below reconciles it.
        events.AddRange(_engine.DrainEvents());
        var changedSensors = _engine.DrainChangedSensors();
        var written = new TwinBatch(observations, newTickets, events, changedSensors)
        {
            InboxAnswers = InboxAnswersOf(batch, faulted, ids => new BatchAnswers(results, found, replayOf, commandEvents, observationOf, ids)),
        };
        IReadOnlyList<long> observationIds;
        var writing = Stopwatch.GetTimestamp();
        try
        {
            // Not cancellable: a batch that reached the engine is either written whole or rolled back by failure.
            observationIds = await _store.WriteAsync(written, CancellationToken.None);
            if (!written.IsEmpty)
            {
                _metrics?.BatchWritten(Stopwatch.GetElapsedTime(writing), succeeded: true);
                WriteHealth.Succeeded();
            }
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex, batch.Count);
            _metrics?.BatchWritten(Stopwatch.GetElapsedTime(writing), succeeded: false);
            WriteHealth.Failed(ex);

            // Rebuilt before the failures are reported, so a caller who retries finds the engine as the disk has it.
            _needsRebuild = true;
            await TryRebuildFromStoreAsync();
            foreach (var pending in batch)
            {
                pending.Ack?.TrySetException(ex);
            }

            CountFailed(batch);
            return;
        }

        CountWritten(batch, results, found, replayOf, faulted);
        if (faulted.Count > 0)
        {
            _needsRebuild = true;
            await TryRebuildFromStoreAsync();
        }
        else if (anyAccepted)
        {
            // Published before the acknowledgements, so a submitter reads its own ticket, alarm, mission or emergency change.
            if (events.Any(PublishesAtOnce) || Stopwatch.GetElapsedTime(_snapshotBuiltAt) >= _options.SnapshotInterval)
            {
                PublishSnapshot();
            }
            else
            {
                _snapshotStale = true;
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Ack?.TrySetResult(Outcome(batch, i, new BatchAnswers(results, found, replayOf, commandEvents, observationOf, observationIds)));
        }

        if (events.Count > 0 || changedSensors.Count > 0)
        {
            RaiseCommitted(new TwinChangeSet(_engine.Version, events, changedSensors));
        }
    }

    private async Task<bool> TryRebuildFromStoreAsync()
    {
        try
        {
            var state = await _store.LoadRestoreStateAsync(_engine.Now, _engine.Evaluation.Length, CancellationToken.None);
            _engine.Restore(state);
            _needsRebuild = false;
        }
        catch (Exception ex)
        {
            LogRebuildFailed(ex);
            WriteHealth.Failed(ex);
            return false;
        }

        LogRebuilt(_engine.Version);
        PublishSnapshot();
        RaiseCommitted(new TwinChangeSet(_engine.Version, [], [], IsReset: true));
        return true;
    }

    /// <summary>
    /// Changes a person acts on next (tickets, alarms, missions, the mode and its plan) are
    /// published at once, and so is a sensor added, changed or removed, which its integrator acts on next;
    /// readings can wait.
    /// </summary>
    private static bool PublishesAtOnce(TwinEvent e) =>
        e is TicketChanged or AlarmChanged or MissionChanged or ModeChanged or ModeProposalChanged or ChecklistStepChanged or StockMoved or SensorRegistered or SensorDefinitionChanged or SensorThresholdsChanged or SensorRemoved;

    private void PublishSnapshot()
    {
        _current = _engine.Snapshot();
        _snapshotBuiltAt = Stopwatch.GetTimestamp();
        _snapshotStale = false;
    }

    private void RaiseCommitted(TwinChangeSet changes)
    {
        if (Committed is not { } handlers)
        {
            return;
        }

        // One faulty subscriber must neither stop the writer nor starve the others.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<TwinChangeSet>>())
        {
            try
            {
                handler(changes);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twin restored from the store: {Sensors} sensors, {Tickets} tickets, {Alarms} alarms.")]
    private partial void LogRestored(int sensors, int tickets, int alarms);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a batch of {Count} inputs failed; their acknowledgements fail and the engine is rebuilt from the store.")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying a {Command} threw; the engine is rebuilt from the store.")]
    private partial void LogApplyFailed(Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the engine from the store failed; inputs are refused until it succeeds.")]
    private partial void LogRebuildFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engine rebuilt from the store after a failed write (version {Version}).")]
    private partial void LogRebuilt(long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A posted {Command} was refused: {Reason}")]
    private partial void LogPostRefused(string command, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to Committed threw.")]
    private partial void LogSubscriberFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Twin pipeline stopped.")]
    private partial void LogStopped();
}
