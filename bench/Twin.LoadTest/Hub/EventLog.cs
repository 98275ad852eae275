using System.Diagnostics;

namespace Twin.LoadTest.Hub;

/// <summary>
/// Every event the load posts, numbered k = 0, 1, 2, …: event k is stamped observedAt = origin + k × 10 µs,
/// so a receiver recovers k (and with it the Stopwatch time of the post) from the timestamp the
/// delta carries, without any extra field on the wire. Only events posted inside the measuring
/// window are counted.
/// </summary>
public sealed class EventLog(int sensorCount)
{
    private const long TicksPerEvent = 100;

    // 10 µs apart, ten million events span 100 s: the whole run stays within the engine's allowed
    // clock skew even though the origin lies two minutes in the past.
    private readonly long[] _postedAt = new long[10_000_000];
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow.AddMinutes(-2);
    private long _next;
    private long _measureFrom = long.MaxValue;
    private long _measureTo = long.MaxValue;

    public int SensorCount { get; } = sensorCount;

    public long Next => Interlocked.Read(ref _next);

    /// <summary>Takes the next event number, records when it was posted and returns its sensor and timestamp.</summary>
    public (long K, int Sensor, DateTimeOffset ObservedAt) Take()
    {
        var k = Interlocked.Increment(ref _next) - 1;
        if (k >= _postedAt.Length)
        {
            throw new InvalidOperationException("The event log is full; shorten the run.");
        }

        Volatile.Write(ref _postedAt[k], Stopwatch.GetTimestamp());
        return (k, (int)(k % SensorCount), _origin.AddTicks(k * TicksPerEvent));
    }

    public void OpenWindow() => Interlocked.Exchange(ref _measureFrom, Next);

    public void CloseWindow() => Interlocked.Exchange(ref _measureTo, Next);

    public void ResetWindow()
    {
        Interlocked.Exchange(ref _measureFrom, long.MaxValue);
        Interlocked.Exchange(ref _measureTo, long.MaxValue);
    }

    /// <summary>The event a received timestamp belongs to, or -1 when it is not one of ours.</summary>
    public long EventOf(DateTimeOffset observedAt)
    {
        var ticks = (observedAt - _origin).Ticks;
        return ticks >= 0 && ticks % TicksPerEvent == 0 && ticks / TicksPerEvent < Next ? ticks / TicksPerEvent : -1;
    }

    /// <summary>Records a receipt in <paramref name="histogram"/> when event k was posted inside the window.</summary>
    public void Received(long k, long receivedAt, LatencyHistogram histogram)
    {
        if (k >= Interlocked.Read(ref _measureFrom) && k < Interlocked.Read(ref _measureTo))
        {
            histogram.Record(Volatile.Read(ref _postedAt[k]), receivedAt);
        }
    }
}
