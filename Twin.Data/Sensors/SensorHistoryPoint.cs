namespace Twin.Data.Sensors;

/// <summary>
/// A point of a sensor's history: one raw reading (<see cref="Count"/> 1, all values equal) where
/// raw readings are still kept, an hourly rollup before that.
/// </summary>
public sealed record SensorHistoryPoint(DateTimeOffset At, int Count, double Min, double Mean, double Max, double Last, bool IsRaw);
