using System.Diagnostics;
using System.IO.MemoryMappedFiles;

namespace Twin.LoadTest.Hub;

/// <summary>
/// Every event the load posts, numbered k = 0, 1, 2, …: event k is stamped observedAt = origin + k × 10 µs,
/// so a receiver recovers k (and with it the Stopwatch time of the post) from the timestamp the
/// delta carries, without any extra field on the wire. Only events posted inside the measuring
/// window are counted.
/// <para>
/// The log lives in a memory-mapped file that the server's process writes and the subscriber
/// processes read: Stopwatch timestamps are the machine's monotonic clock, the same in every
/// process, so a subscriber in another process computes post → receipt itself.
/// </para>
/// </summary>
public sealed unsafe class EventLog : IDisposable
{
    private const long TicksPerEvent = 100;

    // 10 µs apart, ten million events span 100 s: the whole run stays within the engine's allowed
    // clock skew even though the origin lies two minutes in the past.
    private const long Capacity = 10_000_000;

    // Header cells, then one posted-at timestamp per event.
    private const int OriginCell = 0;
    private const int MeasureFromCell = 1;
    private const int MeasureToCell = 2;
    private const int NextCell = 3;
    private const int HeaderCells = 4;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly long* _cells;
    private readonly DateTimeOffset _origin;
    private readonly bool _owner;

    private EventLog(string path, int sensorCount, bool create)
    {
        Path = path;
        _owner = create;
        SensorCount = sensorCount;
        _file = create
            ? MemoryMappedFile.CreateFromFile(path, FileMode.CreateNew, null, (HeaderCells + Capacity) * sizeof(long))
            : MemoryMappedFile.CreateFromFile(path, FileMode.Open);
        _view = _file.CreateViewAccessor();
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _cells = (long*)(start + _view.PointerOffset);
        if (create)
        {
            _cells[OriginCell] = DateTimeOffset.UtcNow.AddMinutes(-2).UtcTicks;
            ResetWindow();
        }

        _origin = new DateTimeOffset(Volatile.Read(ref _cells[OriginCell]), TimeSpan.Zero);
    }

    /// <summary>A new log for the server's process, in RAM (/dev/shm) where the machine has it.</summary>
    public static EventLog Create(int sensorCount)
    {
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        return new EventLog(System.IO.Path.Combine(folder, $"cityops-hub-events-{Environment.ProcessId}.bin"), sensorCount, create: true);
    }

    /// <summary>The server's log, opened by a subscriber process.</summary>
    public static EventLog Open(string path, int sensorCount) => new(path, sensorCount, create: false);

    public string Path { get; }

    public int SensorCount { get; }

    public long Next => Volatile.Read(ref _cells[NextCell]);

    /// <summary>Takes the next event number, records when it was posted and returns its sensor and timestamp. One poster at a time.</summary>
    public (long K, int Sensor, DateTimeOffset ObservedAt) Take()
    {
        var k = Next;
        if (k >= Capacity)
        {
            throw new InvalidOperationException("The event log is full; shorten the run.");
        }

        // The time first, then the count: a reader that sees event k also sees when it was posted.
        Volatile.Write(ref _cells[HeaderCells + k], Stopwatch.GetTimestamp());
        Volatile.Write(ref _cells[NextCell], k + 1);
        return (k, (int)(k % SensorCount), _origin.AddTicks(k * TicksPerEvent));
    }

    public void OpenWindow() => Volatile.Write(ref _cells[MeasureFromCell], Next);

    public void CloseWindow() => Volatile.Write(ref _cells[MeasureToCell], Next);

    public void ResetWindow()
    {
        Volatile.Write(ref _cells[MeasureFromCell], long.MaxValue);
        Volatile.Write(ref _cells[MeasureToCell], long.MaxValue);
    }

    /// <summary>The event a received timestamp belongs to, or -1 when it is not one of ours.</summary>
    public long EventOf(DateTimeOffset observedAt)
    {
        var ticks = (observedAt - _origin).Ticks;
        return ticks >= 0 && ticks % TicksPerEvent == 0 && ticks / TicksPerEvent < Next ? ticks / TicksPerEvent : -1;
    }

    /// <summary>The sensor event k was posted for.</summary>
    public int SensorOf(long k) => (int)(k % SensorCount);

    /// <summary>Records a receipt in <paramref name="histogram"/> when event k was posted inside the window.</summary>
    public void Received(long k, long receivedAt, LatencyHistogram histogram)
    {
        if (k >= Volatile.Read(ref _cells[MeasureFromCell]) && k < Volatile.Read(ref _cells[MeasureToCell]))
        {
            histogram.Record(Volatile.Read(ref _cells[HeaderCells + k]), receivedAt);
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
        if (_owner)
        {
            File.Delete(Path);
        }
    }
}
