using Twin.Domain.Vocabulary;

namespace Twin.Domain.Sensors;

public enum SensorKind
{
    CreekWaterLevel,
    AirQuality,
    Noise,
    ManholeCover,
    Lift,
    SecondaryWater,
    SiteDust,
    Smoke,

    /// <summary>雨量计: rainfall intensity in mm/h (the 24 h total is summed from its readings).</summary>
    RainGauge,

    /// <summary>水质 溶解氧: dissolved oxygen in mg/L; low is bad.</summary>
    DissolvedOxygen,

    /// <summary>水质 氨氮: ammonia nitrogen in mg/L.</summary>
    AmmoniaNitrogen,
}

public static class SensorKinds
{
    private static readonly Dictionary<string, SensorKind> BySlug = Enum.GetValues<SensorKind>().ToDictionary(Slug);

    /// <summary>The kebab-case name used in files and on the wire (creek-water-level, …).</summary>
    public static string Slug(this SensorKind kind) => kind switch
    {
        SensorKind.CreekWaterLevel => "creek-water-level",
        SensorKind.AirQuality => "air-quality",
        SensorKind.Noise => "noise",
        SensorKind.ManholeCover => "manhole",
        SensorKind.Lift => "lift",
        SensorKind.SecondaryWater => "secondary-water",
        SensorKind.SiteDust => "site-dust",
        SensorKind.Smoke => "smoke",
        SensorKind.RainGauge => "rain-gauge",
        SensorKind.DissolvedOxygen => "dissolved-oxygen",
        SensorKind.AmmoniaNitrogen => "ammonia-nitrogen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string slug, out SensorKind kind) => BySlug.TryGetValue(slug, out kind);

    public static string NameZh(this SensorKind kind) => Names.Of(kind).Zh;

    public static string NameEn(this SensorKind kind) => Names.Of(kind).En;
}
