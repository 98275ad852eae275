using Twin.Domain.Geography;

namespace Twin.Domain.Emergency;

public enum StockMovementKind
{
    /// <summary>出库: taken out for use.</summary>
    Draw,

    /// <summary>入库: put back or replenished.</summary>
    Restock,
}

/// <summary>An 应急物资 depot and what it held when the data file was written (the engine keeps the live stock).</summary>
public sealed record SupplyDepot(string Id, string Name, GeoPoint Location, string SubDistrictCode, bool Simulated, IReadOnlyDictionary<string, int> InitialStock);

/// <summary>One item's quantity at one depot.</summary>
public sealed record StockLevel(string DepotId, string Item, int Quantity);

public sealed record StockMovement(string DepotId, string Item, StockMovementKind Kind, int Quantity, DateTimeOffset At, string Actor, string Note);

/// <summary>An 抢险队伍 rescue team and where it is based.</summary>
public sealed record RescueTeam(string Id, string Name, GeoPoint Location, int Members, string Department, bool Simulated);

public enum FloodPointKind
{
    /// <summary>易积水点.</summary>
    WaterloggingPoint,

    /// <summary>下立交.</summary>
    Underpass,

    /// <summary>泵站.</summary>
    PumpingStation,
}

/// <summary>A place the flood-control layers show: a waterlogging point, an underpass or a pumping station.</summary>
public sealed record FloodPoint(string Id, FloodPointKind Kind, string Name, GeoPoint Location, string SubDistrictCode, bool Simulated);

/// <summary>The flood-control data of the district: points, depots and teams.</summary>
public sealed record FloodControlAssets(IReadOnlyList<FloodPoint> Points, IReadOnlyList<SupplyDepot> Depots, IReadOnlyList<RescueTeam> Teams)
{
    public static FloodControlAssets None { get; } = new([], [], []);

    public IEnumerable<FloodPoint> OfKind(FloodPointKind kind) => Points.Where(p => p.Kind == kind);
}

/// <summary>A rain gauge's latest intensity and its 24 h total.</summary>
public sealed record RainfallFigure(string SensorId, string Name, GeoPoint Location, double? LastMmPerHour, double Last24HoursMm);
