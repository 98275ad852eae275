namespace Twin.Data.Sensors;

/// <summary>A stored reading with its row id (the id the SensorThings API exposes).</summary>
public sealed record StoredObservation(long Id, string SensorId, double Value, DateTimeOffset ObservedAt, double? BatteryPercent);

public enum ObservationField
{
    Id,
    PhenomenonTime,
    Result,
}

public enum ComparisonOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// <summary>A filter over readings, translated to SQL with parameters (never spliced text).</summary>
public abstract record ObservationFilter;

/// <summary>A time is compared as UTC ticks, a result as a number.</summary>
public sealed record ObservationComparison(ObservationField Field, ComparisonOperator Operator, double Number, DateTimeOffset? Time) : ObservationFilter;

public sealed record ObservationFilterAnd(ObservationFilter Left, ObservationFilter Right) : ObservationFilter;

public sealed record ObservationFilterOr(ObservationFilter Left, ObservationFilter Right) : ObservationFilter;

public sealed record ObservationFilterNot(ObservationFilter Inner) : ObservationFilter;

public sealed record ObservationOrder(ObservationField Field, bool Descending);

public sealed record ObservationQuery(
    string? SensorId, ObservationFilter? Filter, IReadOnlyList<ObservationOrder> OrderBy, int Skip, int Top, bool Count);

public sealed record ObservationPage(IReadOnlyList<StoredObservation> Items, long? Count);
