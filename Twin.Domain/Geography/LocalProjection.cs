using NetTopologySuite.Geometries;

namespace Twin.Domain.Geography;

/// <summary>
/// An equirectangular projection in metres around Putuo. Over the district's ~13 km extent its
/// scale error stays under 0.1 %, which is well inside the accuracy of the OSM boundaries, and it
/// lets NTS measure distances and buffers in metres without a projection library.
/// </summary>
public sealed class LocalProjection
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double EccentricitySquared = 0.00669437999014;

    private readonly double _lon0;
    private readonly double _lat0;
    private readonly double _metresPerDegreeLat;
    private readonly double _metresPerDegreeLon;

    public LocalProjection(double lon0, double lat0)
    {
        _lon0 = lon0;
        _lat0 = lat0;

        // The WGS-84 radii of curvature at the origin (meridian, prime vertical): the equator's
        // 110.574 km per degree of latitude would be 0.27 % short at Shanghai's latitude.
        var phi = lat0 * Math.PI / 180.0;
        var w = 1 - EccentricitySquared * Math.Sin(phi) * Math.Sin(phi);
        _metresPerDegreeLat = SemiMajorAxis * (1 - EccentricitySquared) / Math.Pow(w, 1.5) * Math.PI / 180.0;
        _metresPerDegreeLon = SemiMajorAxis / Math.Sqrt(w) * Math.Cos(phi) * Math.PI / 180.0;
    }

    public static LocalProjection Putuo { get; } = new(121.39, 31.26);

    /// <summary>
    /// The projection's terms, x = (lon − Lon0) · MetresPerDegreeLon and y = (lat − Lat0) ·
    /// MetresPerDegreeLat: a store that measures in SQL (PostGIS) computes the same metres.
    /// </summary>
    public (double Lon0, double Lat0, double MetresPerDegreeLon, double MetresPerDegreeLat) Terms =>
        (_lon0, _lat0, _metresPerDegreeLon, _metresPerDegreeLat);

    public Coordinate Forward(double lon, double lat) =>
        new((lon - _lon0) * _metresPerDegreeLon, (lat - _lat0) * _metresPerDegreeLat);

    public Coordinate Inverse(double x, double y) =>
        new(_lon0 + x / _metresPerDegreeLon, _lat0 + y / _metresPerDegreeLat);

    public Geometry Forward(Geometry wgs84) => Transform(wgs84, c => Forward(c.X, c.Y));

    public Geometry Inverse(Geometry metric) => Transform(metric, c => Inverse(c.X, c.Y));

    private static Geometry Transform(Geometry source, Func<Coordinate, Coordinate> map)
    {
        var copy = source.Copy();
        copy.Apply(new CoordinateMapFilter(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class CoordinateMapFilter(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var mapped = map(new Coordinate(seq.GetX(i), seq.GetY(i)));
            seq.SetX(i, mapped.X);
            seq.SetY(i, mapped.Y);
        }
    }
}
