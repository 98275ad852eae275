using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>
/// Where the fleet may fly: the district plus a margin, because the creek is the district's
/// southern border and a patrol over the water crosses it all the time.
/// </summary>
public sealed class OperatingArea
{
    public const double DefaultMarginMetres = 1000;

    private readonly LocalProjection _projection;
    private readonly IPreparedGeometry _metric;
    private readonly GeometryFactory _factory = new();

    public OperatingArea(DistrictMap district, double marginMetres = DefaultMarginMetres)
    {
        _projection = district.Projection;
        MarginMetres = marginMetres;
        _metric = PreparedGeometryFactory.Prepare(_projection.Forward(district.Outline).Buffer(marginMetres));
    }

    public double MarginMetres { get; }

    public bool Contains(GeoPoint point) => _metric.Covers(_factory.CreatePoint(_projection.Forward(point.Lon, point.Lat)));

    /// <summary>Ground distance in metres (local projection: exact enough across one district).</summary>
    public double DistanceMetres(GeoPoint a, GeoPoint b) => _projection.Forward(a.Lon, a.Lat).Distance(_projection.Forward(b.Lon, b.Lat));
}
