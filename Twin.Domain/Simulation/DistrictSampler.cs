using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.LinearReferencing;
using Twin.Domain.Geography;

namespace Twin.Domain.Simulation;

/// <summary>
/// Places simulated things inside the district by rejection sampling against the real outlines,
/// so nothing needs road geometry (none licensed exists) and nothing lands outside Putuo.
/// </summary>
internal sealed class DistrictSampler
{
    private const int MaxAttempts = 100_000;

    private readonly DistrictMap _district;
    private readonly Dictionary<string, (IPreparedGeometry Shape, Envelope Envelope)> _subDistricts;
    private readonly SubDistrict[] _byPopulation;
    private readonly double[] _populationCumulative;
    private readonly Envelope _corridorEnvelope;
    private readonly (LengthIndexedLine Line, double Length)[] _creekParts;
    private readonly double _creekLength;

    public DistrictSampler(DistrictMap district)
    {
        _district = district;
        _subDistricts = district.SubDistricts.ToDictionary(
            s => s.Code,
            s => (PreparedGeometryFactory.Prepare(s.Boundary), s.Boundary.EnvelopeInternal));
        _byPopulation = [.. district.SubDistricts];
        _populationCumulative = Cumulative(_byPopulation.Select(s => (double)SubDistrictProfiles.For(s.Code).EstimatedResidents));
        _corridorEnvelope = district.Corridor.EnvelopeInternal;
        var creekMetric = district.Projection.Forward(district.Creek);
        _creekParts = Enumerable.Range(0, creekMetric.NumGeometries)
            .Select(i => creekMetric.GetGeometryN(i))
            .Where(g => g.Length > 0)
            .Select(g => (new LengthIndexedLine(g), g.Length))
            .ToArray();
        _creekLength = _creekParts.Sum(p => p.Length);
    }

    public SubDistrict PickByPopulation(Random rng) => _byPopulation[PickIndex(_populationCumulative, rng.NextDouble())];

    /// <summary>A point inside both the 街镇 polygon and the district outline (they differ by slivers).</summary>
    public GeoPoint PointIn(SubDistrict subDistrict, Random rng) => PointIn(subDistrict, () => (rng.NextDouble(), rng.NextDouble()));

    /// <summary>A point of the sub-district at the next of <paramref name="units"/>' positions (0–1 across its bounding box) that falls inside it.</summary>
    public GeoPoint PointIn(SubDistrict subDistrict, Func<(double X, double Y)> units)
    {
        var (shape, envelope) = _subDistricts[subDistrict.Code];
        return Sample(
            () =>
            {
                var (x, y) = units();
                return new GeoPoint(Lerp(envelope.MinX, envelope.MaxX, x), Lerp(envelope.MinY, envelope.MaxY, y));
            },
            p => _district.Contains(p) && shape.Covers(shape.Geometry.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat))),
            $"a point in {subDistrict.Name}");
    }

    public GeoPoint PointInCorridor(Random rng) => Sample(
        () => new GeoPoint(Lerp(_corridorEnvelope.MinX, _corridorEnvelope.MaxX, rng.NextDouble()), Lerp(_corridorEnvelope.MinY, _corridorEnvelope.MaxY, rng.NextDouble())),
        _district.IsInCorridor,
        "a point in the corridor");

    /// <summary>A point on the district side of the creek, at most <paramref name="maxMetres"/> from its line.</summary>
    public GeoPoint PointNearCreek(Random rng, double maxMetres) => PointNearCreek(() => (rng.NextDouble(), rng.NextDouble()), maxMetres);

    /// <summary>A point near the creek at the next of <paramref name="units"/>' positions: along its length, and across from one bank to the other.</summary>
    public GeoPoint PointNearCreek(Func<(double Along, double Across)> units, double maxMetres) => Sample(
        () =>
        {
            var (along, across) = units();
            return CreekPoint(along, (across * 2 - 1) * maxMetres);
        },
        p => _district.Contains(p) && _district.DistanceToCreekMetres(p) <= maxMetres,
        "a point near the creek");

    /// <summary>
    /// A point at <paramref name="fraction"/> of the creek's length, on the bank: the creek line is
    /// the district border, so the gauge is set a few metres in, on whichever side is Putuo.
    /// </summary>
    public GeoPoint PointOnCreekBank(double fraction)
    {
        foreach (var offset in new[] { 5.0, -5.0, 10.0, -10.0, 20.0, -20.0, 40.0, -40.0 })
        {
            var p = CreekPoint(fraction, offset);
            if (_district.Contains(p))
            {
                return p;
            }
        }

        throw new InvalidOperationException($"No point within 40 m of the creek at {fraction:P0} of its length lies inside {_district.Name}.");
    }

    /// <summary>A point scattered normally around <paramref name="centre"/>, inside the district.</summary>
    public GeoPoint PointNear(GeoPoint centre, double sigmaMetres, Random rng)
    {
        var c = _district.Projection.Forward(centre.Lon, centre.Lat);
        return Sample(
            () =>
            {
                var r = sigmaMetres * Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble()));
                var angle = 2 * Math.PI * rng.NextDouble();
                return ToGeo(new Coordinate(c.X + r * Math.Cos(angle), c.Y + r * Math.Sin(angle)));
            },
            _district.Contains,
            $"a point near {centre}");
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var cumulative = weights.ToArray();
        for (var i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        return cumulative;
    }

    /// <summary>The index chosen by a uniform draw in [0, 1) from cumulative weights.</summary>
    public static int PickIndex(double[] cumulative, double unit)
    {
        var target = unit * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    private GeoPoint CreekPoint(double fraction, double offsetMetres)
    {
        var along = fraction * _creekLength;
        foreach (var (line, length) in _creekParts)
        {
            if (along <= length)
            {
                return ToGeo(line.ExtractPoint(along, offsetMetres));
            }

            along -= length;
        }

        var (lastLine, lastLength) = _creekParts[^1];
        return ToGeo(lastLine.ExtractPoint(lastLength, offsetMetres));
    }

    private GeoPoint ToGeo(Coordinate metric)
    {
        var geo = _district.Projection.Inverse(metric.X, metric.Y);
        return new GeoPoint(geo.X, geo.Y);
    }

    private static GeoPoint Sample(Func<GeoPoint> candidate, Func<GeoPoint, bool> accept, string what)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var p = candidate();
            if (accept(p))
            {
                return p;
            }
        }

        throw new InvalidOperationException($"Could not place {what} after {MaxAttempts} attempts; is the district map complete?");
    }

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
