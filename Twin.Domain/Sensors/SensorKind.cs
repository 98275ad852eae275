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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string slug, out SensorKind kind) => BySlug.TryGetValue(slug, out kind);

    public static string NameZh(this SensorKind kind) => Names.Of(kind).Zh;

    public static string NameEn(this SensorKind kind) => Names.Of(kind).En;
}
