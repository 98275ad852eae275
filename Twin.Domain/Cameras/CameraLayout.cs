using Twin.Domain.Geography;
using Twin.Domain.Simulation;

namespace Twin.Domain.Cameras;

/// <summary>
/// Where the district's video channels are, as far as the twin can know: no camera register or road
/// geometry is available, so channels are clustered around metro stations, concentrated in the
/// 苏河秀带 corridor and otherwise scattered over the 街镇 by population. Same seed, same layout.
/// </summary>
public static class CameraLayout
{
    /// <summary>Channels connected, from the seed document.</summary>
    public const int SeedChannels = 21_000;

    /// <summary>AI cameras for objects thrown from height, from the seed document.</summary>
    public const int SeedAiCameras = 135;

    /// <summary>Share of channels clustered around stations (entrances, interchanges, bus bays).</summary>
    private const double StationShare = 0.2;

    /// <summary>Share placed in the corridor, the flagship scenario's "perception along the whole stretch".</summary>
    private const double CorridorShare = 0.15;

    /// <summary>Spread of a station cluster: most channels within ~400 m of the station.</summary>
    private const double StationSigmaMetres = 180;

    /// <param name="stations">Metro stations; only those inside the district get a cluster.</param>
    public static IReadOnlyList<Camera> Create(
        DistrictMap district, IReadOnlyList<MetroStation> stations, int seed, int total = SeedChannels, int aiCount = SeedAiCameras)
    {
        var inside = stations.Where(s => district.Contains(s.Location)).ToArray();
        var stationCount = inside.Length == 0 ? 0 : (int)Math.Round(total * StationShare);
        var corridorCount = (int)Math.Round(total * CorridorShare);
        var scatterCount = total - stationCount - corridorCount;
        if (scatterCount < aiCount || aiCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(aiCount), aiCount, $"Cannot place {aiCount} AI cameras among {total} channels.");
        }

        var sampler = new DistrictSampler(district);
        var rng = new Random(seed);
        var cameras = new List<Camera>(total);

        void Add(GeoPoint location, Func<SubDistrict, string> name, bool ai = false)
        {
            var subDistrict = district.SubDistrictFor(location);
            var number = cameras.Count + 1;
            cameras.Add(new Camera($"C-{number:D5}", $"{name(subDistrict)} {number:D5}", location, subDistrict.Code, ai));
        }

        for (var i = 0; i < stationCount; i++)
        {
            var station = inside[i % inside.Length];
            Add(sampler.PointNear(station.Location, StationSigmaMetres, rng), _ => $"{station.Name}站周边");
        }

        for (var i = 0; i < corridorCount; i++)
        {
            Add(sampler.PointInCorridor(rng), s => $"苏河秀带 {SubDistrictProfiles.ShortName(s.Name)}段");
        }

        // 高空抛物 cameras watch residential blocks, so they are drawn from the population-weighted scatter.
        var aiSlots = new HashSet<int>();
        while (aiSlots.Count < aiCount)
        {
            aiSlots.Add(rng.Next(scatterCount));
        }

        for (var i = 0; i < scatterCount; i++)
        {
            var ai = aiSlots.Contains(i);
            var location = sampler.PointIn(sampler.PickByPopulation(rng), rng);
            Add(location, s => ai ? $"{s.Name} 高空抛物AI" : $"{s.Name} 视频", ai);
        }

        return cameras;
    }
}
