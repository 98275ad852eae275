namespace Twin.Domain.Engine;

/// <summary>
/// Counts or sums in fixed time buckets over a rolling window (a ring indexed by bucket number),
/// so that "per hour over the last day" costs O(1) per input and no timestamps are kept.
/// </summary>
public sealed class BucketSeries
{
    private readonly long _bucketTicks;
    private readonly long[] _bucketNumbers;
    private readonly double[] _sums;
    private readonly int[] _counts;

    public BucketSeries(TimeSpan bucket, int buckets)
    {
        _bucketTicks = bucket.Ticks;
        _bucketNumbers = new long[buckets];
        Array.Fill(_bucketNumbers, -1);
        _sums = new double[buckets];
        _counts = new int[buckets];
    }

    public TimeSpan Bucket => TimeSpan.FromTicks(_bucketTicks);

    public void Add(DateTimeOffset at, double value = 1) => AddAggregate(at, value, 1);

    public void AddAggregate(DateTimeOffset at, double sum, int count)
    {
        var number = at.UtcTicks / _bucketTicks;
        var slot = (int)(number % _bucketNumbers.Length);
        if (_bucketNumbers[slot] != number)
        {
            if (_bucketNumbers[slot] > number)
            {
                return;
            }

            _bucketNumbers[slot] = number;
            _sums[slot] = 0;
            _counts[slot] = 0;
        }

        _sums[slot] += sum;
        _counts[slot] += count;
    }

    /// <summary>Sum of the bucket holding <paramref name="at"/>.</summary>
    public double SumAt(DateTimeOffset at) => Read(at.UtcTicks / _bucketTicks, _sums);

    /// <summary>Sums of the <paramref name="count"/> buckets ending with the one holding <paramref name="now"/>, oldest first.</summary>
    public double[] Sums(DateTimeOffset now, int count) => Window(now, count, _sums);

    /// <summary>Means per bucket (NaN where a bucket saw nothing), oldest first.</summary>
    public double[] Means(DateTimeOffset now, int count)
    {
        var last = now.UtcTicks / _bucketTicks;
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var number = last - count + 1 + i;
            var slot = (int)(number % _bucketNumbers.Length);
            result[i] = number >= 0 && _bucketNumbers[slot] == number && _counts[slot] > 0 ? _sums[slot] / _counts[slot] : double.NaN;
        }

        return result;
    }

    /// <summary>Sum over [from, to), at bucket granularity.</summary>
    public double SumBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = 0.0;
        for (var number = from.UtcTicks / _bucketTicks; number < (to.UtcTicks + _bucketTicks - 1) / _bucketTicks; number++)
        {
            total += Read(number, _sums);
        }

        return total;
    }

    private double[] Window(DateTimeOffset now, int count, double[] source)
    {
        var last = now.UtcTicks / _bucketTicks;
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Read(last - count + 1 + i, source);
        }

        return result;
    }

    private double Read(long number, double[] source)
    {
        if (number < 0)
        {
            return 0;
        }

        var slot = (int)(number % _bucketNumbers.Length);
        return _bucketNumbers[slot] == number ? source[slot] : 0;
    }
}
