namespace Twin.Domain.Time;

/// <summary>
/// Time that moves only when its owner moves it: an engine replaying a simulated month reads
/// the instant of the input being applied, however fast the replay runs.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => ShanghaiClock.Zone;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward to <paramref name="instant"/>; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant.ToUniversalTime();
        }
    }
}
