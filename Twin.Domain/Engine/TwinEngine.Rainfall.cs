using System.Collections.Immutable;
using Twin.Domain.Emergency;
using Twin.Domain.Sensors;

namespace Twin.Domain.Engine;

/// <summary>
/// Rain gauges report intensity (mm/h); the 24 h total sums the hourly means over the last 24 h
/// (an hour at a mean of x mm/h brings x mm). Hourly sums per gauge are restored from the store.
/// </summary>
public sealed partial class TwinEngine
{
    private const int RainfallHours = 24;

    private readonly Dictionary<string, BucketSeries> _rainfall = new(StringComparer.Ordinal);

    private void RecordRainfall(SensorDefinition sensor, DateTimeOffset at, double mmPerHour)
    {
        if (sensor.Kind == SensorKind.RainGauge)
        {
            RainSeries(sensor.Id).Add(at, mmPerHour);
        }
    }

    private BucketSeries RainSeries(string sensorId)
    {
        if (!_rainfall.TryGetValue(sensorId, out var series))
        {
            series = new BucketSeries(TimeSpan.FromHours(1), RainfallHours + 1);
            _rainfall[sensorId] = series;
        }

        return series;
    }

    private ImmutableArray<RainfallFigure> RainfallFigures(DateTimeOffset now)
    {
        var builder = ImmutableArray.CreateBuilder<RainfallFigure>();
        foreach (var slot in _sensorOrder)
        {
            if (slot.Definition.Kind != SensorKind.RainGauge)
            {
                continue;
            }

            var total = _rainfall.TryGetValue(slot.Definition.Id, out var series) ? Last24Hours(series, now) : 0;
            builder.Add(new RainfallFigure(slot.Definition.Id, slot.Definition.Name, slot.Definition.Location, slot.LastValue, Math.Round(total, 1)));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The last 24 h reach back into the hour 24 h before the current one: that hour counts for the
    /// part inside the window, the current hour for the part gone by. Hours without a reading add nothing.
    /// </summary>
    private static double Last24Hours(BucketSeries series, DateTimeOffset now)
    {
        var means = series.Means(now, RainfallHours + 1);
        var elapsed = (double)(now.UtcTicks % TimeSpan.TicksPerHour) / TimeSpan.TicksPerHour;
        var total = 0.0;
        for (var i = 0; i < means.Length; i++)
        {
            var weight = i == 0 ? 1 - elapsed : i == means.Length - 1 ? elapsed : 1;
            total += double.IsFinite(means[i]) ? means[i] * weight : 0;
        }

        return total;
    }

    private void RestoreRainfall(IReadOnlyList<SensorHourlyAggregate> aggregates)
    {
        _rainfall.Clear();
        foreach (var aggregate in aggregates)
        {
            RainSeries(aggregate.SensorId).AddAggregate(aggregate.HourStart, aggregate.Sum, aggregate.Count);
        }
    }
}
