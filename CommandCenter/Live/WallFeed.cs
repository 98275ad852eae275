using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Engine;

namespace CommandCenter.Live;

/// <summary>
/// The one place the wall's Blazor components get snapshots from (a singleton notifier). It polls
/// the pipeline's current snapshot at the wall's render budget, so however fast the twin
/// changes, a circuit renders at most a few times a second.
/// </summary>
public sealed class WallFeed(ITwinQueries queries, IOptions<TwinOptions> options, TimeProvider realTime) : BackgroundService
{
    private long _version = -1;

    public event Action<TwinSnapshot>? Updated;

    public TwinSnapshot? Current { get; private set; }

    /// <summary>Real (not twin) time of the last change seen; the wall shows itself stale when this grows old.</summary>
    public DateTimeOffset LastChangeAt { get; private set; } = realTime.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queries.WaitUntilReadyAsync(stoppingToken);
        var period = TimeSpan.FromSeconds(1.0 / Math.Max(1, options.Value.Wall.MaxRendersPerSecond));
        using var timer = new PeriodicTimer(period, realTime);
        do
        {
            var snapshot = queries.Current;
            if (snapshot.Version != _version)
            {
                _version = snapshot.Version;
                Current = snapshot;
                LastChangeAt = realTime.GetUtcNow();
                Updated?.Invoke(snapshot);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
