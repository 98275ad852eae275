namespace Twin.Data.Sensors;

/// <summary>
/// One sensor's readings over one period summed up: what is kept of them once the raw rows are
/// trimmed (README, retention). <see cref="PeriodStart"/> is UTC: an hour's start, or a Shanghai day's.
/// </summary>
public abstract class ObservationRollupRow
{
    public required string SensorId { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public int Count { get; set; }

    public double Min { get; set; }

    public double Mean { get; set; }

    public double Max { get; set; }

    /// <summary>The period's latest reading.</summary>
    public double Last { get; set; }
}

/// <summary>A sensor's hour, kept <c>Twin:Storage:HourlyRollupDays</c> (two years).</summary>
public sealed class HourlyRollupRow : ObservationRollupRow;

/// <summary>A sensor's Shanghai day, kept for good.</summary>
public sealed class DailyRollupRow : ObservationRollupRow;
