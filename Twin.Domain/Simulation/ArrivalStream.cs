using Twin.Domain.Time;

namespace Twin.Domain.Simulation;

/// <summary>
/// Relative activity per Asia/Shanghai hour of the day (index 0 = 00:00–01:00), scaled on
/// Saturdays and Sundays by <c>weekendFactor</c> (at most 1: the weekday peak bounds the rate).
/// </summary>
internal sealed class DailyProfile
{
    private readonly double[] _relative;
    private readonly double _weekendFactor;

    public DailyProfile(IReadOnlyList<double> hourlyWeights, double weekendFactor = 1)
    {
        if (weekendFactor is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weekendFactor), weekendFactor, "A weekend factor lies in (0, 1].");
        }

        _weekendFactor = weekendFactor;
        if (hourlyWeights.Count != 24 || hourlyWeights.Any(w => !(w >= 0)) || hourlyWeights.Max() <= 0)
        {
            throw new ArgumentException("A daily profile needs 24 weights, not negative, not all zero.", nameof(hourlyWeights));
        }

        var max = hourlyWeights.Max();
        _relative = hourlyWeights.Select(w => w / max).ToArray();
        PeakToMean = max / (hourlyWeights.Average() * (5 + 2 * weekendFactor) / 7);
    }

    /// <summary>Flat: the same activity at every hour.</summary>
    public static DailyProfile Flat { get; } = new(Enumerable.Repeat(1.0, 24).ToArray());

    /// <summary>How much busier the busiest weekday hour is than the mean hour of a week.</summary>
    public double PeakToMean { get; }

    /// <summary>Activity at <paramref name="utc"/> relative to the busiest weekday hour (0–1).</summary>
    public double Relative(DateTimeOffset utc)
    {
        var local = ShanghaiClock.ToLocal(utc);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return _relative[local.Hour] * (weekend ? _weekendFactor : 1);
    }
}

/// <summary>
/// A Poisson process whose rate follows a <see cref="DailyProfile"/> (drawn by thinning). It draws
/// from its own <see cref="Random"/> and only when an arrival is taken, so the arrivals are the same
/// however simulated time is cut into Advance calls.
/// </summary>
internal sealed class ArrivalStream
{
    private readonly Random _rng;
    private readonly DailyProfile _profile;
    private readonly double _peakPerSecond;
    private DateTimeOffset _next = DateTimeOffset.MaxValue;

    public ArrivalStream(Random rng, double perDay, DailyProfile profile)
    {
        PerDay = perDay;
        _rng = rng;
        _profile = profile;
        _peakPerSecond = perDay * profile.PeakToMean / 86_400.0;
    }

    /// <summary>Arrivals a day on average.</summary>
    public double PerDay { get; }

    public void Start(DateTimeOffset origin) => _next = _peakPerSecond > 0 ? DrawAfter(origin) : DateTimeOffset.MaxValue;

    /// <summary>The next arrival if it is no later than <paramref name="until"/>.</summary>
    public bool TryTake(DateTimeOffset until, out DateTimeOffset at)
    {
        at = _next;
        if (_next > until)
        {
            return false;
        }

        _next = DrawAfter(_next);
        return true;
    }

    private DateTimeOffset DrawAfter(DateTimeOffset t)
    {
        while (true)
        {
            t = t.AddSeconds(-Math.Log(1.0 - _rng.NextDouble()) / _peakPerSecond);
            if (_rng.NextDouble() < _profile.Relative(t))
            {
                return t;
            }
        }
    }
}
