using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Twin.Data.Pipeline;

namespace Twin.Data.Boundary;

/// <summary>
/// <see cref="ITwinChanges"/> over the pipeline's commit notification. The writer only writes the
/// change set into each subscription's queue (never blocks, never awaits a subscriber); each
/// subscription reads its own queue on its own task and awaits its callback there.
/// </summary>
public sealed partial class TwinChanges : ITwinChanges, IDisposable
{
    /// <summary>Change sets a <see cref="ChangeDelivery.Latest"/> subscriber may fall behind before it is reset.</summary>
    public const int LatestCapacity = 256;

    private readonly TwinPipeline _pipeline;
    private readonly ILogger<TwinChanges> _logger;
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public TwinChanges(TwinPipeline pipeline, ILogger<TwinChanges> logger)
    {
        _pipeline = pipeline;
        _logger = logger;
        _pipeline.Committed += OnCommitted;
    }

    public IDisposable Subscribe(string name, Func<TwinChangeSet, CancellationToken, Task> onChanges, ChangeDelivery delivery = ChangeDelivery.Latest)
    {
        ArgumentNullException.ThrowIfNull(onChanges);
        var subscription = new Subscription(this, name, onChanges, delivery);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        subscription.Start();
        return subscription;
    }

    public void Dispose()
    {
        _pipeline.Committed -= OnCommitted;
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    // On the writer, after the batch is on disk: a non-blocking write per subscriber.
    private void OnCommitted(TwinChangeSet changes)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(changes);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {Name} fell {Capacity} change sets behind; it is reset to the current picture.")]
    private partial void LogOverflow(string name, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber {Name} failed on a change set; it keeps its subscription.")]
    private partial void LogFailed(Exception exception, string name);

    private sealed class Subscription : IDisposable
    {
        private readonly TwinChanges _owner;
        private readonly string _name;
        private readonly Func<TwinChangeSet, CancellationToken, Task> _onChanges;
        private readonly Channel<TwinChangeSet> _queue;
        private readonly bool _bounded;
        private readonly CancellationTokenSource _stop = new();
        private int _disposed;

        public Subscription(TwinChanges owner, string name, Func<TwinChangeSet, CancellationToken, Task> onChanges, ChangeDelivery delivery)
        {
            _owner = owner;
            _name = name;
            _onChanges = onChanges;
            _bounded = delivery == ChangeDelivery.Latest;
            _queue = _bounded
                ? Channel.CreateBounded<TwinChangeSet>(new BoundedChannelOptions(LatestCapacity) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait })
                : Channel.CreateUnbounded<TwinChangeSet>(new UnboundedChannelOptions { SingleReader = true });
        }

        public void Start() => _ = Task.Run(PumpAsync);

        public void Offer(TwinChangeSet changes)
        {
            if (Volatile.Read(ref _disposed) == 1 || _queue.Writer.TryWrite(changes))
            {
                return;
            }

            if (!_bounded)
            {
                return;
            }

            // Full: what is queued is dropped and one reset stands for it, so the subscriber
            // reloads the current picture, which holds everything it missed.
            _owner.LogOverflow(_name, LatestCapacity);
            while (_queue.Reader.TryRead(out _))
            {
            }

            _queue.Writer.TryWrite(changes with { IsReset = true, Events = [], ChangedSensors = [] });
        }

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var changes in _queue.Reader.ReadAllAsync(_stop.Token))
                {
                    try
                    {
                        await _onChanges(changes, _stop.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
                    {
                        _owner.LogFailed(ex, _name);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            finally
            {
                _stop.Dispose();
            }
        }

        /// <summary>
        /// Stops the deliveries. A <see cref="ChangeDelivery.Latest"/> subscriber is cancelled at
        /// once; an <see cref="ChangeDelivery.Every"/> one is still handed what was committed
        /// before, so that nothing recorded is lost at shutdown.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _owner.Remove(this);

            // Cancelled before the queue completes: the pump disposes the token source only after one of the two.
            if (_bounded)
            {
                _stop.Cancel();
            }

            _queue.Writer.TryComplete();
        }
    }
}
