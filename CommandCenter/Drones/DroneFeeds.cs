using System.Runtime.CompilerServices;
using CommandCenter.Localization;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Time;

namespace CommandCenter.Drones;

/// <summary>
/// The rendered feeds of the twin's drones. A drone's feed renders only while somebody watches
/// it, once for all its watchers, at <see cref="DroneOptions.FeedFramesPerSecond"/>; the last
/// watcher leaving stops it. Each language has its own feed: the overlay is burned into the frame.
/// </summary>
public sealed class DroneFeeds(ITwinQueries queries, TwinClock clock, FrameRenderer renderer, IOptions<DroneOptions> options, ILogger<DroneFeeds> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DroneId, Lang Lang), Feed> _feeds = [];

    /// <summary>Drones whose feed is rendering now (for tests and health).</summary>
    public IReadOnlyCollection<string> Rendering
    {
        get
        {
            lock (_gate)
            {
                return [.. _feeds.Keys.Select(k => k.DroneId).Distinct()];
            }
        }
    }

    /// <summary>One frame of the drone's view now, its overlay in <paramref name="lang"/>, or null for an unknown drone.</summary>
    public byte[]? RenderNow(string droneId, Lang lang)
    {
        var snapshot = queries.Current;
        var drone = snapshot.Drones.FirstOrDefault(d => d.Id == droneId);
        return drone is null ? null : renderer.Render(drone, snapshot, clock.GetUtcNow(), lang);
    }

    public bool Exists(string droneId) => queries.Current.Drones.Any(d => d.Id == droneId);

    /// <summary>Frames as they are rendered, the latest one first, until <paramref name="ct"/> ends the watch.</summary>
    public async IAsyncEnumerable<byte[]> WatchAsync(string droneId, Lang lang, [EnumeratorCancellation] CancellationToken ct)
    {
        var feed = Join(droneId, lang);
        try
        {
            var frame = feed.Latest;
            while (!ct.IsCancellationRequested)
            {
                frame ??= await feed.NextAsync(ct);
                yield return frame;
                frame = null;
            }
        }
        finally
        {
            Leave(feed);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var feed in _feeds.Values)
            {
                feed.Stop();
            }

            _feeds.Clear();
        }
    }

    private Feed Join(string droneId, Lang lang)
    {
        lock (_gate)
        {
            if (!_feeds.TryGetValue((droneId, lang), out var feed))
            {
                feed = new Feed(droneId, lang);
                _feeds[(droneId, lang)] = feed;
                _ = Task.Run(() => RunAsync(feed));
            }

            feed.Watchers++;
            return feed;
        }
    }

    private void Leave(Feed feed)
    {
        lock (_gate)
        {
            if (--feed.Watchers == 0)
            {
                _feeds.Remove((feed.DroneId, feed.Lang));
                feed.Stop();
            }
        }
    }

    private async Task RunAsync(Feed feed)
    {
        var period = TimeSpan.FromSeconds(1 / Math.Clamp(options.Value.FeedFramesPerSecond, 0.2, 15));
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                try
                {
                    if (RenderNow(feed.DroneId, feed.Lang) is { } frame)
                    {
                        feed.Publish(frame);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Rendering a frame of {Drone} failed; the feed tries again on the next tick.", feed.DroneId);
                }
            }
            while (await timer.WaitForNextTickAsync(feed.Stopping));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Feed(string droneId, Lang lang)
    {
        private readonly CancellationTokenSource _stop = new();
        private TaskCompletionSource<byte[]> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string DroneId { get; } = droneId;

        public Lang Lang { get; } = lang;

        public int Watchers { get; set; }

        public byte[]? Latest { get; private set; }

        public CancellationToken Stopping => _stop.Token;

        public void Publish(byte[] frame)
        {
            Latest = frame;
            Interlocked.Exchange(ref _next, new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(frame);
        }

        public Task<byte[]> NextAsync(CancellationToken ct) => Volatile.Read(ref _next).Task.WaitAsync(ct);

        // Not disposed: the render loop may still read the token once after the cancel.
        public void Stop() => _stop.Cancel();
    }
}
