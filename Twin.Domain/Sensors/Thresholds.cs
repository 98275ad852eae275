namespace Twin.Domain.Sensors;

public enum ValueState
{
    Normal,
    Warning,
    Alarm,
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
}
