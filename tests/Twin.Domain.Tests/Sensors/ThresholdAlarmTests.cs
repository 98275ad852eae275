using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Sensors;

/// <summary>Threshold alarms as the duty officer sees them: one alarm per episode, escalated in place.</summary>
public class ThresholdAlarmTests
{
    private static readonly Thresholds CreekLevels = new(Warning: 3.8, Alarm: 4.5, Hysteresis: 0.1);

    [Fact]
    public void A_level_hovering_at_the_warning_line_raises_one_alarm_and_clears_it_once()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.DrainEvents();

        foreach (var level in new[] { 3.70, 3.81, 3.75, 3.83, 3.72, 3.80, 3.79, 3.85, 3.71 })
        {
            engine.Observe(time, "WL-1", level);
        }

        var whileHovering = AlarmEvents(engine.DrainEvents());
        engine.Observe(time, "WL-1", 3.69);
        engine.Observe(time, "WL-1", 3.82);
        var afterwards = AlarmEvents(engine.DrainEvents());

        var raised = Assert.Single(whileHovering);
        Assert.Equal(AlarmChange.Raised, raised.Change);
        Assert.Equal(AlarmSeverity.Minor, raised.Alarm.Severity);
        Assert.Equal([AlarmChange.Cleared, AlarmChange.Raised], afterwards.Select(e => e.Change));
        Assert.Equal(raised.Alarm.Id, afterwards[0].Alarm.Id);
        Assert.NotEqual(raised.Alarm.Id, afterwards[1].Alarm.Id);
    }

    [Fact]
    public void Crossing_the_alarm_line_escalates_the_same_alarm()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 3.9);
        var raised = Assert.Single(AlarmEvents(engine.DrainEvents()));

        engine.Observe(time, "WL-1", 4.6);
        engine.Observe(time, "WL-1", 4.45);
        var escalated = Assert.Single(AlarmEvents(engine.DrainEvents()));
        var activeWhileHigh = Assert.Single(engine.Snapshot().ActiveAlarms);

        engine.Observe(time, "WL-1", 4.3);
        var eased = Assert.Single(AlarmEvents(engine.DrainEvents()));

        Assert.Equal(AlarmChange.Escalated, escalated.Change);
        Assert.Equal(raised.Alarm.Id, escalated.Alarm.Id);
        Assert.Equal(AlarmSeverity.Critical, escalated.Alarm.Severity);
        Assert.Equal(raised.Alarm.Id, activeWhileHigh.Id);
        Assert.Equal(AlarmSeverity.Critical, activeWhileHigh.Severity);
        Assert.Equal(ValueState.Warning, engine.FindSensor("WL-1")?.ValueState);
        Assert.Equal(raised.Alarm.Id, eased.Alarm.Id);
        Assert.Equal(AlarmSeverity.Minor, eased.Alarm.Severity);
        Assert.Equal(1, engine.Snapshot().VitalSigns.Alerts.Minor);
        Assert.Equal(0, engine.Snapshot().VitalSigns.Alerts.Critical);
    }

    [Fact]
    public void Thresholds_where_low_is_bad_alarm_on_falling_values()
    {
        // Residual chlorine in secondary water supply: too little is the danger.
        var chlorine = new Thresholds(Warning: 0.2, Alarm: 0.1, Hysteresis: 0.02, HighIsBad: false);
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("SW-1", SensorKind.SecondaryWater, chlorine)));
        engine.DrainEvents();

        var states = new List<ValueState>();
        foreach (var value in new[] { 0.25, 0.19, 0.21, 0.09, 0.115, 0.13, 0.215, 0.23 })
        {
            engine.Observe(time, "SW-1", value);
            states.Add(engine.FindSensor("SW-1")!.ValueState);
        }

        var changes = AlarmEvents(engine.DrainEvents()).Select(e => (e.Change, e.Alarm.Severity)).ToList();

        Assert.Equal(
            [ValueState.Normal, ValueState.Warning, ValueState.Warning, ValueState.Alarm, ValueState.Alarm, ValueState.Warning, ValueState.Warning, ValueState.Normal],
            states);
        Assert.Equal(
            [(AlarmChange.Raised, AlarmSeverity.Minor), (AlarmChange.Escalated, AlarmSeverity.Major), (AlarmChange.Escalated, AlarmSeverity.Minor), (AlarmChange.Cleared, AlarmSeverity.Minor)],
            changes);
    }

    [Theory]
    [InlineData(ValueState.Normal, 3.79, ValueState.Normal)]
    [InlineData(ValueState.Normal, 3.8, ValueState.Warning)]
    [InlineData(ValueState.Normal, 4.5, ValueState.Alarm)]
    [InlineData(ValueState.Warning, 3.71, ValueState.Warning)]
    [InlineData(ValueState.Warning, 3.69, ValueState.Normal)]
    [InlineData(ValueState.Alarm, 4.41, ValueState.Alarm)]
    [InlineData(ValueState.Alarm, 4.39, ValueState.Warning)]
    [InlineData(ValueState.Alarm, 3.5, ValueState.Normal)]
    public void Thresholds_enter_at_the_level_and_leave_past_the_band(ValueState current, double value, ValueState expected)
    {
        Assert.Equal(expected, CreekLevels.Next(current, value));
    }

    [Fact]
    public void An_acknowledged_threshold_alarm_stays_active_until_the_value_is_normal()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.0);
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);

        TestEngine.Accept(engine.AcknowledgeAlarm(alarm.Id, "值班员王", "  已电话通知河道养护单位  "));
        var afterAck = engine.Snapshot();
        engine.Observe(time, "WL-1", 3.0);

        Assert.Equal("值班员王", Assert.Single(afterAck.ActiveAlarms).AcknowledgedBy);
        Assert.Equal("已电话通知河道养护单位", afterAck.ActiveAlarms[0].AcknowledgementNote);
        Assert.Equal(0, afterAck.VitalSigns.Alerts.Unacknowledged);
        Assert.Equal(1, afterAck.VitalSigns.Alerts.Minor);
        Assert.Empty(engine.Snapshot().ActiveAlarms);
    }

    /// <summary>The alarm's own lifecycle; a creek level over its alarm line is also filed as a case (AlarmCaseTests).</summary>
    private static List<AlarmChanged> AlarmEvents(IReadOnlyList<TwinEvent> events) =>
        events.OfType<AlarmChanged>().Where(e => e.Change != AlarmChange.FiledAsCase).ToList();
}
