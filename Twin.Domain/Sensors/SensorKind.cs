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

    /// <summary>
    /// The values a working device of this kind can report, in the kind's unit: the span of the
    /// instruments such networks install (a creek gauge reads 0–10 m on the Wusong datum, a sound
    /// level meter 0–140 dB(A), AQI is defined up to 500, …). A reading outside it is a fault or a
    /// forgery, never a measurement: it is refused before it can raise an alarm or skew a mean.
    /// </summary>
    public static PlausibleRange PlausibleRange(this SensorKind kind) => kind switch
    {
        SensorKind.CreekWaterLevel => new(0, 10),
        SensorKind.AirQuality => new(0, 500),
        SensorKind.Noise => new(0, 140),
        SensorKind.ManholeCover => new(0, 180),
        SensorKind.Lift => new(0, 50),
        SensorKind.SecondaryWater => new(0, 1000),
        SensorKind.SiteDust => new(0, 10_000),
        SensorKind.Smoke => new(0, 100),
        SensorKind.RainGauge => new(0, 300),
        SensorKind.DissolvedOxygen => new(0, 20),
        SensorKind.AmmoniaNitrogen => new(0, 100),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string NameZh(this SensorKind kind) => Names.Of(kind).Zh;

    public static string NameEn(this SensorKind kind) => Names.Of(kind).En;
}

/// <summary>The closed interval of values a sensor kind can report.</summary>
public readonly record struct PlausibleRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    public override string ToString() => FormattableString.Invariant($"{Min:0.##}–{Max:0.##}");
}
