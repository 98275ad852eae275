using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Domain.Simulation;

/// <summary>How one kind of device is simulated: its id prefix, unit, levels and share of the fleet.</summary>
/// <param name="Label">The word in a device's Chinese name (长寿路街道 电梯 0123).</param>
/// <param name="FleetShare">Share of the fleet; the lifts take whatever the rounding leaves.</param>
/// <param name="BatteryPowered">Wireless (NB-IoT) devices report their battery.</param>
/// <param name="Decimals">Readings are rounded as the device would report them.</param>
public sealed record SensorKindProfile(
    SensorKind Kind,
    string IdPrefix,
    string Label,
    string Unit,
    Thresholds Thresholds,
    double FleetShare,
    bool BatteryPowered,
    int Decimals)
{
    /// <summary>Normal readings stay below this (above it for a low-is-bad kind), so that a value leaving an episode always clears its alarm.</summary>
    public double NormalCeiling => Thresholds.HighIsBad ? Thresholds.Warning - 2 * Thresholds.Hysteresis : Thresholds.Warning + 2 * Thresholds.Hysteresis;

    /// <summary>A normal reading kept on the normal side of <see cref="NormalCeiling"/> and not below 0.</summary>
    public double ClampNormal(double value) => Thresholds.HighIsBad ? Math.Clamp(value, 0, NormalCeiling) : Math.Max(value, NormalCeiling);
}

/// <summary>The simulated perception devices (感知设备): every kind, placed inside Putuo, same for a seed.</summary>
public static class SensorFleet
{
    /// <summary>
    /// Levels are working estimates for simulation, not official standards. Creek levels: Suzhou
    /// Creek normally runs at ~2.6–3.4 m (gated, tidal); warning 3.8 m and alarm 4.2 m are assumed.
    /// AQI 100/150 are the national "light/moderate pollution" bands; 65/75 dB(A) exceed the
    /// daytime limits of mixed and traffic areas; 0.8/1.0 NTU approach and reach the drinking-water
    /// turbidity limit. The mix follows the seed: many lift controllers (992 in the district),
    /// manholes and smoke detectors; few creek gauges and air or noise stations.
    /// </summary>
    public static IReadOnlyList<SensorKindProfile> Profiles { get; } =
    [
        new(SensorKind.CreekWaterLevel, "WL", "水位站", "m", new Thresholds(3.8, 4.2, 0.1), 0.006, false, 2),
        new(SensorKind.AirQuality, "AQ", "空气监测点", "AQI", new Thresholds(100, 150, 10), 0.01, false, 0),
        new(SensorKind.Noise, "NS", "噪声监测点", "dB(A)", new Thresholds(65, 75, 3), 0.02, false, 1),
        new(SensorKind.ManholeCover, "MH", "智能井盖", "°", new Thresholds(5, 15, 1), 0.18, true, 1),
        new(SensorKind.Lift, "LF", "电梯", "m/s²", new Thresholds(1.2, 2.0, 0.1), 0.40, false, 2),
        new(SensorKind.SecondaryWater, "SW", "二次供水泵房", "NTU", new Thresholds(0.8, 1.0, 0.05), 0.08, false, 2),
        new(SensorKind.SiteDust, "SD", "工地扬尘", "µg/m³", new Thresholds(150, 250, 10), 0.03, false, 0),
        new(SensorKind.Smoke, "SM", "烟感", "%/m", new Thresholds(2, 4, 0.3), 0.274, true, 2),
        new(SensorKind.RainGauge, "RG", "雨量站", "mm/h", new Thresholds(20, 35, 2), 0.004, false, 1),
        new(SensorKind.DissolvedOxygen, "DO", "水质站(溶解氧)", "mg/L", new Thresholds(3, 2, 0.2, HighIsBad: false), 0.003, false, 2),
        new(SensorKind.AmmoniaNitrogen, "AN", "水质站(氨氮)", "mg/L", new Thresholds(1.5, 2.0, 0.1), 0.003, false, 2),
    ];

    /// <summary>Kinds placed along the creek bank rather than by population: gauges and water-quality stations.</summary>
    public static bool OnCreekBank(SensorKind kind) => kind is SensorKind.CreekWaterLevel or SensorKind.DissolvedOxygen or SensorKind.AmmoniaNitrogen;

    public static SensorKindProfile ProfileOf(SensorKind kind) => Profiles.First(p => p.Kind == kind);

    /// <summary>
    /// Creek gauges are spread evenly along the creek line, on the bank; every other device goes to
    /// a 街镇 chosen by population (<see cref="SubDistrictProfiles"/>) or, for a share of them, into
    /// the corridor. Ids run per kind: S-WL-0001, S-LF-0001, …
    /// </summary>
    public static IReadOnlyList<SensorDefinition> Create(DistrictMap district, SimulatorOptions options)
    {
        options.Validate();
        var sampler = new DistrictSampler(district);
        var rng = new Random(options.Seed);
        var counts = Counts(options.SensorCount);
        var sensors = new List<SensorDefinition>(options.SensorCount);
        foreach (var profile in Profiles)
        {
            for (var number = 1; number <= counts[profile.Kind]; number++)
            {
                var interval = TimeSpan.FromSeconds(rng.Next(options.SensorReportSecondsMin, options.SensorReportSecondsMax + 1));
                var id = $"S-{profile.IdPrefix}-{number:D4}";
                if (OnCreekBank(profile.Kind))
                {
                    var location = sampler.PointOnCreekBank((number - 0.5) / counts[profile.Kind]);
                    sensors.Add(new SensorDefinition(id, profile.Kind, $"苏州河{profile.Label} {number:D2}", location, profile.Unit, profile.Thresholds, interval));
                }
                else
                {
                    var location = rng.NextDouble() < options.CorridorSensorShare
                        ? sampler.PointInCorridor(rng)
                        : sampler.PointIn(sampler.PickByPopulation(rng), rng);
                    var subDistrict = district.SubDistrictFor(location);
                    sensors.Add(new SensorDefinition(id, profile.Kind, $"{subDistrict.Name} {profile.Label} {number:D4}", location, profile.Unit, profile.Thresholds, interval));
                }
            }
        }

        return sensors;
    }

    private static Dictionary<SensorKind, int> Counts(int total)
    {
        var counts = Profiles.ToDictionary(p => p.Kind, p => Math.Max(1, (int)Math.Round(p.FleetShare * total)));
        counts[SensorKind.Lift] += total - counts.Values.Sum();
        return counts;
    }
}
