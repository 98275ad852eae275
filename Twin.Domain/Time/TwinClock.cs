namespace Twin.Domain.Time;

/// <summary>
/// The twin's simulated time: it starts at <see cref="Start"/> and runs <see cref="SpeedFactor"/>
/// times as fast as <c>source</c> (1 = real time, 60 = one simulated minute per real second).
/// Elapsed time is read from the source's monotonic timestamp, so a wall-clock jump on the host
/// does not make simulated time jump, and a FakeTimeProvider drives it in tests.
/// Only <see cref="GetUtcNow"/> is scaled: timestamps, <c>Delay</c> and timers are the base
/// class's and run in real time, so a host that polls every 200 ms still polls every 200 ms.
/// </summary>
public sealed class TwinClock : TimeProvider
{
    private readonly TimeProvider _source;
    private readonly long _sourceStartTimestamp;

    public TwinClock(TimeProvider source, DateTimeOffset start, double speedFactor)
    {
        if (!double.IsFinite(speedFactor) || speedFactor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speedFactor), speedFactor, "The speed factor must be a finite number above 0.");
        }

        _source = source;
        _sourceStartTimestamp = source.GetTimestamp();
        Start = start.ToUniversalTime();
        SpeedFactor = speedFactor;
    }

    public DateTimeOffset Start { get; }

    public double SpeedFactor { get; }

    public override TimeZoneInfo LocalTimeZone => ShanghaiClock.Zone;

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _source.GetElapsedTime(_sourceStartTimestamp);
        return Start.AddTicks((long)(elapsed.Ticks * SpeedFactor));
    }
}
