using System.Diagnostics;

namespace Twin.LoadTest.Hub;

/// <summary>
/// Latencies in 0.1 ms buckets up to 120 s, filled from many receiving threads at once. A histogram
/// rather than a list: 500 subscribers × 20,000 events would be 10 M samples per cell.
/// </summary>
public sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private readonly long[] _buckets = new long[1_200_000];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(long fromTimestamp, long toTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalMilliseconds;
        var bucket = Math.Clamp((long)(ms / BucketMs), 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The buckets that hold samples, as [bucket, count] pairs: how a subscriber process reports its receipts.</summary>
    public long[][] NonEmpty()
    {
        var pairs = new List<long[]>();
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (Interlocked.Read(ref _buckets[i]) is var n and > 0)
            {
                pairs.Add([i, n]);
            }
        }

        return [.. pairs];
    }

    /// <summary>Adds another histogram's <see cref="NonEmpty"/> buckets to this one.</summary>
    public void Add(long[][] pairs)
    {
        foreach (var pair in pairs)
        {
            Interlocked.Add(ref _buckets[pair[0]], pair[1]);
            Interlocked.Add(ref _count, pair[1]);
        }
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="quantile"/> sample, in ms; NaN when empty.</summary>
    public double Percentile(double quantile)
    {
        var count = Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(quantile * count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return (i + 1) * BucketMs;
            }
        }

        return _buckets.Length * BucketMs;
    }
}
