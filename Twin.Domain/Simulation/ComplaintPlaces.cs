using Twin.Domain.Catalogue;
using Twin.Domain.Geography;

namespace Twin.Domain.Simulation;

/// <summary>
/// Where citizens and patrols report from. Most reports of a category are spread evenly over the
/// 街镇 (or along the creek): each (category, 街镇) walks its own low-discrepancy R2 sequence, so a
/// week's reports of one matter are not piled together by chance, as independent random points
/// would be (about 450 places with 3+ reports within 100 m in 7 days at 1,500 tickets a day). The
/// repeats a leader should see come from a few dozen hot spots (a restaurant's fumes, a corner
/// where cars park on the pavement), each drawing a report or so a day to one address.
/// </summary>
internal sealed class ComplaintPlaces
{
    public const int HotSpotCount = 24;

    /// <summary>How far a hot spot's reports lie from it: the same address as a citizen or a geocoder gives it.</summary>
    private const double HotSpotSigmaMetres = 20;

    /// <summary>R2 (the plastic number's powers): consecutive points keep apart in two dimensions.</summary>
    private const double R2X = 0.7548776662466927;

    private const double R2Y = 0.5698402909980532;

    private const double GoldenRatio = 0.6180339887498949;

    private readonly DistrictSampler _sampler;
    private readonly DistrictMap _district;
    private readonly int _seed;
    private readonly Dictionary<string, Sequence> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HotSpot[] Spots, double[] Cumulative, double Share)> _hotSpots;

    /// <param name="perDay">reports a day of each category in the citizens' and patrols' flow, on average</param>
    public ComplaintPlaces(DistrictMap district, DistrictSampler sampler, IReadOnlyDictionary<EventCategory, double> perDay, int seed, Func<SubDistrict, Random, string> placeName)
    {
        _district = district;
        _sampler = sampler;
        _seed = seed;
        var rng = new Random(seed + 14);
        var candidates = perDay.Where(kv => !kv.Key.CreekRelated && kv.Value > 0).OrderBy(kv => kv.Key.Code, StringComparer.Ordinal).ToArray();
        var cumulative = DistrictSampler.Cumulative(candidates.Select(kv => kv.Value));
        var spots = new List<HotSpot>();
        for (var i = 0; i < HotSpotCount && candidates.Length > 0; i++)
        {
            var category = candidates[DistrictSampler.PickIndex(cumulative, rng.NextDouble())].Key;
            var subDistrict = sampler.PickByPopulation(rng);
            spots.Add(new HotSpot(category, sampler.PointIn(subDistrict, rng), subDistrict, placeName(subDistrict, rng), 0.6 + 0.8 * rng.NextDouble()));
        }

        _hotSpots = spots.GroupBy(s => s.Category.Code, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (g.ToArray(), DistrictSampler.Cumulative(g.Select(s => s.PerDay)), Math.Min(0.5, g.Sum(s => s.PerDay) / perDay[g.First().Category])),
            StringComparer.Ordinal);
    }

    /// <summary>The next report's place: a hot spot's address (with its name), or the category's next evenly spread point.</summary>
    public (GeoPoint Location, SubDistrict SubDistrict, string? Place) Next(EventCategory category, double creekMetres, Random rng)
    {
        if (_hotSpots.TryGetValue(category.Code, out var hot) && rng.NextDouble() < hot.Share)
        {
            var spot = hot.Spots[DistrictSampler.PickIndex(hot.Cumulative, rng.NextDouble())];
            var near = _sampler.PointNear(spot.Location, HotSpotSigmaMetres, rng);
            return _district.SubDistrictFor(near).Code == spot.SubDistrict.Code ? (near, spot.SubDistrict, spot.Place) : (spot.Location, spot.SubDistrict, spot.Place);
        }

        if (category.CreekRelated)
        {
            // Along the creek by the golden ratio: the bank is long and narrow, so spread only along it.
            var along = SequenceOf(category.Code);
            var location = _sampler.PointNearCreek(() => (along.NextAlong(), rng.NextDouble()), creekMetres);
            return (location, _district.SubDistrictFor(location), null);
        }

        var subDistrict = _sampler.PickByPopulation(rng);
        var spread = SequenceOf(category.Code + "@" + subDistrict.Code);
        return (_sampler.PointIn(subDistrict, spread.NextPoint), subDistrict, null);
    }

    private Sequence SequenceOf(string key)
    {
        if (!_sequences.TryGetValue(key, out var sequence))
        {
            var hash = DeterministicNoise.StableHash(key);
            sequence = new Sequence(DeterministicNoise.Unit(_seed, hash, -7), DeterministicNoise.Unit(_seed, hash, -8));
            _sequences[key] = sequence;
        }

        return sequence;
    }

    private sealed record HotSpot(EventCategory Category, GeoPoint Location, SubDistrict SubDistrict, string Place, double PerDay);

    /// <summary>One key's walk, from a start placed by the seed; every candidate takes the next step, kept or not.</summary>
    private sealed class Sequence(double startX, double startY)
    {
        private long _n;

        public (double X, double Y) NextPoint()
        {
            _n++;
            return (Fraction(startX + _n * R2X), Fraction(startY + _n * R2Y));
        }

        public double NextAlong() => Fraction(startX + ++_n * GoldenRatio);

        private static double Fraction(double x) => x - Math.Floor(x);
    }
}
