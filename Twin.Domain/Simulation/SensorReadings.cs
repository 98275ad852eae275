using Twin.Domain.Sensors;

namespace Twin.Domain.Simulation;

/// <summary>
/// Normal readings of a device at a moment: a daily (or tidal) curve per kind, a fixed offset per
/// device and keyed noise per observation, kept on the normal side of <see cref="SensorKindProfile.NormalCeiling"/>.
/// </summary>
internal static class SensorReadings
{
    /// <summary>Suzhou Creek is tidal below its sluices; a semi-diurnal M2 tide (12.42 h).</summary>
    private const double TidePeriodHours = 12.42;

    /// <param name="rainfall">the district's rain in mm/h then (a rainy spell), 0 in dry weather; only rain gauges read it</param>
    public static double Normal(SensorKindProfile profile, int seed, int sensorIndex, long observation, DateTimeOffset utc, double shanghaiHour, double rainfall = 0)
    {
        var offset = DeterministicNoise.Gaussian(seed, sensorIndex, -1);
        var noise = DeterministicNoise.Gaussian(seed, sensorIndex, observation);
        var value = profile.Kind switch
        {
            SensorKind.CreekWaterLevel =>
                3.0 + 0.35 * Math.Sin(2 * Math.PI * (utc.UtcTicks / (double)TimeSpan.TicksPerHour) / TidePeriodHours) + 0.05 * offset + 0.02 * noise,
            SensorKind.AirQuality =>
                48 + 6 * offset + 14 * (Bump(shanghaiHour, 8.5, 1.5) + Bump(shanghaiHour, 18.5, 2)) - 8 * Bump(shanghaiHour, 3.5, 2.5) + 4 * noise,
            SensorKind.Noise => 45 + 9 * Daytime(shanghaiHour) + 1.5 * offset + 1.5 * noise,
            SensorKind.ManholeCover => Math.Abs(0.4 + 0.2 * offset + 0.15 * noise),
            SensorKind.Lift => 0.3 + 0.15 * Daytime(shanghaiHour) + 0.03 * offset + 0.06 * noise,
            SensorKind.SecondaryWater => 0.25 + 0.05 * offset + 0.04 * noise,
            SensorKind.SiteDust => 55 + 35 * WorkingHours(shanghaiHour) + 8 * offset + 10 * noise,
            SensorKind.Smoke => Math.Abs(0.05 + 0.02 * offset + 0.04 * noise),

            // Dry weather: mostly nothing, now and then a trace; in a rainy spell the district's rain, as each gauge catches it.
            SensorKind.RainGauge => rainfall > 0 ? Math.Max(0, rainfall * (1 + 0.15 * offset) + 0.6 * noise) : Math.Max(0, 0.4 * noise - 0.6),

            // Photosynthesis lifts dissolved oxygen in the day.
            SensorKind.DissolvedOxygen => 5.8 + 0.8 * Daytime(shanghaiHour) + 0.3 * offset + 0.15 * noise,
            SensorKind.AmmoniaNitrogen => 0.7 + 0.1 * offset + 0.05 * noise,
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile.Kind, null),
        };

        return profile.ClampNormal(value);
    }

    private static double Bump(double hour, double centre, double width) => Math.Exp(-Math.Pow((hour - centre) / width, 2));

    /// <summary>0 at night, 1 in the day, with smooth edges around 6:00 and 22:00.</summary>
    private static double Daytime(double hour) => Logistic(hour - 6.5) * Logistic(22 - hour);

    private static double WorkingHours(double hour) => Logistic(2 * (hour - 7)) * Logistic(2 * (18 - hour));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-2 * x));
}
