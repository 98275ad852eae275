namespace Twin.Domain.Simulation;

/// <summary>One device's hour summed up (UTC hour start): what the store keeps of its readings once the raw ones are gone.</summary>
public readonly record struct SensorHour(string SensorId, DateTimeOffset Hour, int Count, double Min, double Mean, double Max, double Last);

public sealed partial class TwinSimulator
{
    /// <summary>
    /// Readings made in an ordinary hour: spread evenly over it, its last one included, about one in
    /// eight at the default report intervals (10–60 s). Twelve keep the hour's mean within a few
    /// hundredths of its spread of the whole hour's, at an eighth of the cost.
    /// </summary>
    public const int SamplesPerHour = 12;

    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    /// <summary>
    /// Keeps every device's breaches and silences from now on, so that <see cref="HourlyRollups"/>
    /// can sum up the simulated hours afterwards (those given already, a rainy spell's, too). Call before the first <see cref="Advance"/>.
    /// </summary>
    public void KeepEpisodes()
    {
        foreach (var sensor in _sensors)
        {
            sensor.KeepEpisodes();
        }
    }

    /// <summary>
    /// Every device's hours in [<paramref name="from"/>, <paramref name="until"/>) (whole UTC hours)
    /// as <see cref="Advance"/> makes their readings, with every reading due (as if
    /// <see cref="EpisodeReadingsOnlyUntil"/> were not set): the same schedule, keyed noise, daily
    /// rhythm, rain and episodes, from the generator itself rather than from commands. An hour
    /// touched by a breach (with the few readings either side that a replay stores), a silence, or
    /// lying from <paramref name="exactFrom"/> on (where raw readings are kept) is summed over all
    /// its readings, so it agrees with any raw reading stored; any other hour from
    /// <see cref="SamplesPerHour"/> of them: its count and last reading exact, its mean, min and max
    /// those of the samples (the min–max band a little narrower than all readings'). An hour the
    /// device was silent throughout has no row. Call after the span has been simulated.
    /// </summary>
    public IEnumerable<SensorHour> HourlyRollups(DateTimeOffset from, DateTimeOffset until, DateTimeOffset exactFrom)
    {
        var shanghai = Time.ShanghaiClock.Zone.GetUtcOffset(from.UtcDateTime);
        foreach (var sensor in _sensors)
        {
            var breaches = sensor.BreachLog ?? throw new InvalidOperationException("Call KeepEpisodes before the span is simulated.");
            var silences = sensor.SilenceLog!;
            var margin = sensor.Definition.ReportInterval * 3;
            var (b, s) = (0, 0);
            for (var hour = from; hour < until; hour += OneHour)
            {
                var end = hour + OneHour;
                while (b < breaches.Count && breaches[b].Until + margin <= hour)
                {
                    b++;
                }

                while (s < silences.Count && silences[s].Until <= hour)
                {
                    s++;
                }

                var (first, stop) = sensor.ObservationsIn(hour, end);
                var exact = end > exactFrom || stop - first <= SamplesPerHour
                    || (b < breaches.Count && breaches[b].From - margin < end)
                    || (s < silences.Count && silences[s].From < end);
                var summed = exact ? Exact(sensor, first, stop, breaches, b, silences, s, shanghai) : Sampled(sensor, first, stop, shanghai);
                if (summed is { } h)
                {
                    yield return new SensorHour(sensor.Definition.Id, hour, h.Count, h.Min, h.Sum / h.Count, h.Max, h.Last);
                }
            }
        }
    }

    private Sums? Exact(
        SimSensor sensor, long first, long stop, List<SimSensor.Episode> breaches, int b, List<SimSensor.Episode> silences, int s, TimeSpan shanghai)
    {
        var sums = new Sums();
        for (var n = first; n < stop; n++)
        {
            var at = sensor.At(n);
            while (s < silences.Count && silences[s].Until <= at)
            {
                s++;
            }

            if (s < silences.Count && silences[s].From <= at)
            {
                continue;
            }

            while (b < breaches.Count && breaches[b].Until <= at)
            {
                b++;
            }

            SimSensor.Episode? breach = b < breaches.Count && breaches[b].From <= at ? breaches[b] : null;
            sums.Add(Value(sensor, breach, n, at, shanghai));
        }

        return sums.Count == 0 ? null : sums;
    }

    private Sums Sampled(SimSensor sensor, long first, long stop, TimeSpan shanghai)
    {
        var sums = new Sums();
        var span = stop - 1 - first;
        for (var i = 0; i < SamplesPerHour; i++)
        {
            var n = first + i * span / (SamplesPerHour - 1);
            sums.Add(Value(sensor, null, n, sensor.At(n), shanghai));
        }

        // The count is the hour's, and the mean stays the samples' (Sum / Count below), so the sum is scaled to it.
        var count = (int)(stop - first);
        return sums with { Sum = sums.Sum / SamplesPerHour * count, Count = count };
    }

    private double Value(SimSensor sensor, SimSensor.Episode? breach, long observation, DateTimeOffset at, TimeSpan shanghai) =>
        WithStorm(sensor, at, sensor.ReadingIn(breach, _options.Seed, observation, at, (at + shanghai).TimeOfDay.TotalHours, RainfallFor(sensor, at)));

    private record struct Sums(int Count, double Min, double Max, double Sum, double Last)
    {
        public Sums()
            : this(0, double.MaxValue, double.MinValue, 0, 0)
        {
        }

        public void Add(double value)
        {
            Count++;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
            Sum += value;
            Last = value;
        }
    }
}
