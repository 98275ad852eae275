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

    public static string? Problem(string key, ThresholdSetting s, bool? highIsBad)
    {
        if (!double.IsFinite(s.Warning) || !double.IsFinite(s.Alarm) || !double.IsFinite(s.Hysteresis))
        {
            return $"Twin:Sensors:Thresholds:{key}: Warning, Alarm and Hysteresis must be numbers.";
        }

        if (highIsBad == true && !(s.Warning < s.Alarm))
        {
            return $"Twin:Sensors:Thresholds:{key}: Warning ({s.Warning}) must be below Alarm ({s.Alarm}).";
        }

        if (highIsBad == false && !(s.Warning > s.Alarm))
        {
            return $"Twin:Sensors:Thresholds:{key}: for a kind where low is bad, Warning ({s.Warning}) must be above Alarm ({s.Alarm}).";
        }

        if (s.Warning == s.Alarm)
        {
            return $"Twin:Sensors:Thresholds:{key}: Warning and Alarm must differ.";
        }

        return s.Hysteresis < 0 || s.Hysteresis >= Math.Abs(s.Alarm - s.Warning)
            ? $"Twin:Sensors:Thresholds:{key}: Hysteresis ({s.Hysteresis}) must be at least 0 and smaller than the gap between Warning and Alarm."
            : null;
    }
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
