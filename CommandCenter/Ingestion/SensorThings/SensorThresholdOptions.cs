using Microsoft.Extensions.Options;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// <c>Twin:Sensors:Thresholds</c>: warning and alarm levels for sensors onboarded through
/// SensorThings, keyed by a sensor's id (that sensor only) or a kind's slug (every sensor of that
/// kind); a sensor with neither gets its kind's standard levels (those of the simulated fleet).
/// Checked at start: a level pair in the wrong order or a hysteresis band wider than the gap
/// between them would make alarms that never clear or never rise.
/// </summary>
public sealed class SensorThresholdOptions
{
    public const string Section = "Twin:Sensors";

    public Dictionary<string, ThresholdSetting> Thresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The levels for a new sensor: its own entry, else its kind's, else the kind's standard ones.</summary>
    public Thresholds For(string sensorId, SensorKind kind)
    {
        var standard = SensorFleet.ProfileOf(kind).Thresholds;
        var setting = Thresholds.GetValueOrDefault(sensorId) ?? Thresholds.GetValueOrDefault(kind.Slug());
        return setting is null ? standard : new Thresholds(setting.Warning, setting.Alarm, setting.Hysteresis, standard.HighIsBad);
    }

    /// <summary>Every problem with the configured levels (empty when they are sane).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (key, setting) in Thresholds)
        {
            // A kind's direction is known; a sensor's is its kind's, checked again when it is onboarded.
            bool? highIsBad = SensorKinds.TryParse(key, out var kind) ? SensorFleet.ProfileOf(kind).Thresholds.HighIsBad : null;
            if (Problem(key, setting, highIsBad) is { } problem)
            {
                yield return problem;
            }
        }
    }

    public static string? Problem(string key, ThresholdSetting s, bool? highIsBad) =>
        Twin.Domain.Sensors.Thresholds.Check(s.Warning, s.Alarm, s.Hysteresis, highIsBad) is { } problem
            ? $"Twin:Sensors:Thresholds:{key}: {Twin.Domain.Sensors.Thresholds.Describe(problem, s.Warning, s.Alarm, s.Hysteresis)}"
            : null;
}

public sealed class ThresholdSetting
{
    public double Warning { get; set; } = double.NaN;

    public double Alarm { get; set; } = double.NaN;

    public double Hysteresis { get; set; }
}

/// <summary>Fails the start with every bad threshold named.</summary>
public sealed class SensorThresholdValidation : IValidateOptions<SensorThresholdOptions>
{
    public ValidateOptionsResult Validate(string? name, SensorThresholdOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
