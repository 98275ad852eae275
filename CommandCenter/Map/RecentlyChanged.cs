using System.Diagnostics;

namespace CommandCenter.Map;

/// <summary>
/// When a committed change was last applied to each feature (<see cref="Stopwatch"/> timestamps), so that a
/// follower's reload, whose read of the store may predate a change the writer's stream already delivered, does not
/// take it back (<see cref="MapBroadcaster"/>'s reset, the drone feed's <c>FleetPicture</c>). An entry older
/// than <see cref="Kept"/> is forgotten: a follower reloads at least every half minute, so every reload that began
/// before it has been told by then. Not thread-safe: each owner uses it from one loop or under its lock.
/// </summary>
public sealed class RecentlyChanged
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Layer, string Id), long> _at = [];
    private long _sweptAt = Stopwatch.GetTimestamp();

    public int Count => _at.Count;

    public void Touch(IEnumerable<(string Layer, string Id)> features, long at)
    {
        foreach (var feature in features)
        {
            _at[feature] = at;
        }

        if (Stopwatch.GetElapsedTime(_sweptAt) > Kept)
        {
            _sweptAt = Stopwatch.GetTimestamp();
            ForgetBefore(_sweptAt - (long)(Kept.TotalSeconds * Stopwatch.Frequency));
        }
    }

    /// <summary>The features changed at or after <paramref name="from"/>.</summary>
    public IReadOnlyList<(string Layer, string Id)> Since(long from) => _at.Where(e => e.Value >= from).Select(e => e.Key).ToList();

    public void ForgetBefore(long from)
    {
        foreach (var feature in _at.Where(e => e.Value < from).Select(e => e.Key).ToList())
        {
            _at.Remove(feature);
        }
    }
}
