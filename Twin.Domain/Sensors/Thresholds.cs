namespace Twin.Domain.Sensors;

public enum ValueState
{
    Normal,
    Warning,
    Alarm,
}

/// <summary>Why a set of levels cannot work (<see cref="Thresholds.Check"/>).</summary>
public enum ThresholdProblem
{
    NotNumbers,
    WarningNotBelowAlarm,
    WarningNotAboveAlarm,
    LevelsEqual,
    HysteresisOutOfRange,
}

/// <summary>
/// Warning and alarm levels with a hysteresis band: a state is entered at its level and left
/// only once the value is back past the level by <see cref="Hysteresis"/>, so a value hovering at
/// a threshold raises one alarm, not a flapping stream of them.
/// </summary>
public sealed record Thresholds(double Warning, double Alarm, double Hysteresis, bool HighIsBad = true)
{
    public ValueState Next(ValueState current, double value)
    {
        var v = HighIsBad ? value : -value;
        var warning = HighIsBad ? Warning : -Warning;
        var alarm = HighIsBad ? Alarm : -Alarm;

        if (v >= alarm)
        {
            return ValueState.Alarm;
        }

        return current switch
        {
            ValueState.Alarm when v >= alarm - Hysteresis => ValueState.Alarm,
            _ when v >= warning => ValueState.Warning,
            ValueState.Alarm or ValueState.Warning when v >= warning - Hysteresis => ValueState.Warning,
            _ => ValueState.Normal,
        };
    }

    /// <summary>
    /// What is wrong with these levels, if anything: the same rule for configured levels, a sensor
    /// onboarded and an admin's change. A pair in the wrong order or a hysteresis band as wide as
    /// the gap between them would make alarms that never clear or never rise.
    /// </summary>
    /// <param name="highIsBad">the kind's direction; null when it is not known (a configured sensor id).</param>
    public static ThresholdProblem? Check(double warning, double alarm, double hysteresis, bool? highIsBad)
    {
        if (!double.IsFinite(warning) || !double.IsFinite(alarm) || !double.IsFinite(hysteresis))
        {
            return ThresholdProblem.NotNumbers;
        }

        if (highIsBad == true && !(warning < alarm))
        {
            return ThresholdProblem.WarningNotBelowAlarm;
        }

        if (highIsBad == false && !(warning > alarm))
        {
            return ThresholdProblem.WarningNotAboveAlarm;
        }

        if (warning == alarm)
        {
            return ThresholdProblem.LevelsEqual;
        }

        return hysteresis < 0 || hysteresis >= Math.Abs(alarm - warning) ? ThresholdProblem.HysteresisOutOfRange : null;
    }

    /// <summary>The problem in English, with the values (configuration messages and refusals).</summary>
    public static string Describe(ThresholdProblem problem, double warning, double alarm, double hysteresis) => problem switch
    {
        ThresholdProblem.NotNumbers => "Warning, Alarm and Hysteresis must be numbers.",
        ThresholdProblem.WarningNotBelowAlarm => $"Warning ({warning}) must be below Alarm ({alarm}).",
        ThresholdProblem.WarningNotAboveAlarm => $"for a kind where low is bad, Warning ({warning}) must be above Alarm ({alarm}).",
        ThresholdProblem.LevelsEqual => "Warning and Alarm must differ.",
        _ => $"Hysteresis ({hysteresis}) must be at least 0 and smaller than the gap between Warning and Alarm.",
    };
}
