using Twin.Domain.Sensors;

namespace Twin.Domain.Simulation;

/// <summary>
/// The typhoon scenario's weather, as curves of the hours since the simulation started: rain
/// that builds to a peak about three hours in and passes, the creek rising about an hour behind
/// it, and runoff lowering dissolved oxygen and raising ammonia. Pure functions of time and
/// device, so readings do not depend on how time is cut into calls.
/// </summary>
public static class StormScenario
{
    public const string Name = "typhoon";

    /// <summary>Peak rain over the district, mm/h; gauges read 75–125 % of it.</summary>
    public const double PeakRainMmPerHour = 48;

    /// <summary>Peak rise of the creek above its tide, m: enough to pass the gauges' alarm level.</summary>
    public const double PeakCreekRiseMetres = 1.7;

    /// <summary>Rain above this (mm/h at the district scale) floods waterlogging points; above <see cref="UnderpassRain"/> underpasses too.</summary>
    public const double WaterloggingRain = 20;

    public const double UnderpassRain = 30;

    /// <summary>The warnings the scenario issues, by hours since start: blue first, yellow replacing it, cancelled once the storm has passed.</summary>
    public static TimeSpan BlueWarningAt { get; } = TimeSpan.FromMinutes(10);

    public static TimeSpan YellowWarningAt { get; } = TimeSpan.FromHours(2);

    public static TimeSpan WarningCancelledAt { get; } = TimeSpan.FromHours(9);

    /// <summary>A waterlogging report is considered every this often while the rain is heavy.</summary>
    public static TimeSpan ReportEvery { get; } = TimeSpan.FromMinutes(10);

    public static double RainAt(double hours) => PeakRainMmPerHour * Bump(hours, 3, 1.5);

    public static double CreekRiseAt(double hours) => PeakCreekRiseMetres * Bump(hours, 4, 2);

    /// <summary>The storm laid over a normal reading of one device.</summary>
    public static double Adjust(SensorKind kind, int sensorIndex, double hours, double normal)
    {
        var rain = RainAt(hours) / PeakRainMmPerHour;
        return kind switch
        {
            SensorKind.RainGauge => normal + RainAt(hours) * (0.75 + 0.5 * GaugeShare(sensorIndex)),
            SensorKind.CreekWaterLevel => normal + CreekRiseAt(hours),
            SensorKind.DissolvedOxygen => Math.Max(0.5, normal - 3.5 * Bump(hours, 4.5, 2)),
            SensorKind.AmmoniaNitrogen => normal + 1.6 * Bump(hours, 4.5, 2),
            SensorKind.ManholeCover => normal + 2 * rain,
            _ => normal,
        };
    }

    private static double GaugeShare(int sensorIndex) => DeterministicNoise.StableHash($"rain-{sensorIndex}") % 1000 / 1000.0;

    private static double Bump(double x, double centre, double width) => Math.Exp(-Math.Pow((x - centre) / width, 2));
}
