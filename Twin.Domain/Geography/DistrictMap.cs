using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Twin.Domain.Geography;

/// <summary>
/// Putuo as the twin knows it: the outline, the 10 街镇, the 285 居委, the creek and the
/// 苏河秀带 corridor. Lookups run on geometry projected to metres (<see cref="LocalProjection"/>).
/// </summary>
public sealed class DistrictMap
{
    private readonly LocalProjection _projection = LocalProjection.Putuo;
    private readonly IPreparedGeometry _outlineMetric;
    private readonly IPreparedGeometry _corridorMetric;
    private readonly Geometry _creekMetric;
    private readonly (SubDistrict SubDistrict, IPreparedGeometry Metric)[] _subDistrictsMetric;
    private readonly Dictionary<string, Neighbourhood> _neighbourhoodsByCode;

    public DistrictMap(
        string name,
        string adcode,
        Geometry outline,
        IReadOnlyList<SubDistrict> subDistricts,
        IReadOnlyList<Neighbourhood> neighbourhoods,
        Geometry creek,
        double corridorHalfWidthMetres)
    {
        if (!(corridorHalfWidthMetres > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(corridorHalfWidthMetres), "The corridor must be wider than 0 m.");
        }

        Name = name;
        Adcode = adcode;
        Outline = outline;
        SubDistricts = subDistricts;
        Neighbourhoods = neighbourhoods;
        Creek = creek;
        CorridorHalfWidthMetres = corridorHalfWidthMetres;

        var outlineMetric = _projection.Forward(outline);
        _outlineMetric = PreparedGeometryFactory.Prepare(outlineMetric);
        _creekMetric = _projection.Forward(creek);
        var corridorMetric = _creekMetric.Buffer(corridorHalfWidthMetres).Intersection(outlineMetric);
        _corridorMetric = PreparedGeometryFactory.Prepare(corridorMetric);
        Corridor = _projection.Inverse(corridorMetric);
        AreaKm2 = outlineMetric.Area / 1_000_000.0;
        CorridorAreaKm2 = corridorMetric.Area / 1_000_000.0;
        CreekLengthMetres = _creekMetric.Length;
        _subDistrictsMetric = subDistricts
            .Select(s => (s, PreparedGeometryFactory.Prepare(_projection.Forward(s.Boundary))))
            .ToArray();
        _neighbourhoodsByCode = neighbourhoods.ToDictionary(n => n.Code);
    }

    public string Name { get; }

    public string Adcode { get; }

    public Geometry Outline { get; }

    public IReadOnlyList<SubDistrict> SubDistricts { get; }

    public IReadOnlyList<Neighbourhood> Neighbourhoods { get; }

    public Geometry Creek { get; }

    /// <summary>The 苏河秀带 band in WGS-84: the creek buffered on both sides, clipped to the district.</summary>
    public Geometry Corridor { get; }

    public double CorridorHalfWidthMetres { get; }

    public double AreaKm2 { get; }

    public double CorridorAreaKm2 { get; }

    public double CreekLengthMetres { get; }

    public LocalProjection Projection => _projection;

    public bool Contains(GeoPoint point) =>
        point.IsValidWgs84 && _outlineMetric.Covers(MetricPoint(point));

    /// <summary>The 街镇 a point lies in, or null outside the district (or on a sliver between 街镇 polygons).</summary>
    public SubDistrict? SubDistrictAt(GeoPoint point)
    {
        if (!point.IsValidWgs84)
        {
            return null;
        }

        var p = MetricPoint(point);
        foreach (var (subDistrict, metric) in _subDistrictsMetric)
        {
            if (metric.Covers(p))
            {
                return subDistrict;
            }
        }

        return null;
    }

    /// <summary>
    /// The 街镇 for a point inside the district. The 街镇 polygons leave thin slivers along the
    /// outline (0.45 % of the area), so a point there is given the nearest 街镇.
    /// </summary>
    public SubDistrict SubDistrictFor(GeoPoint point)
    {
        if (SubDistrictAt(point) is { } inside)
        {
            return inside;
        }

        var p = MetricPoint(point);
        return _subDistrictsMetric.MinBy(s => s.Metric.Geometry.Distance(p)).SubDistrict;
    }

    public bool IsInCorridor(GeoPoint point) =>
        point.IsValidWgs84 && _corridorMetric.Covers(MetricPoint(point));

    public double DistanceToCreekMetres(GeoPoint point) => _creekMetric.Distance(MetricPoint(point));

    public SubDistrict? FindSubDistrict(string code) => SubDistricts.FirstOrDefault(s => s.Code == code);

    public Neighbourhood? FindNeighbourhood(string code) => _neighbourhoodsByCode.GetValueOrDefault(code);

    private Point MetricPoint(GeoPoint point) =>
        _outlineMetric.Geometry.Factory.CreatePoint(_projection.Forward(point.Lon, point.Lat));
}
