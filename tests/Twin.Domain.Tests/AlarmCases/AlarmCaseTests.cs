using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.AlarmCases;

/// <summary>自动发现 → 立案: an alarm becomes a case by one action, or by itself where the catalogue says so.</summary>
public class AlarmCaseTests
{
    private static readonly Thresholds CreekLevels = new(Warning: 3.8, Alarm: 4.5, Hysteresis: 0.1);

    [Fact]
    public void One_action_files_a_creek_alarm_as_a_creek_level_case_with_its_place_reading_and_links_both_ways()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.1);
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();

        TestEngine.Accept(engine.Apply(new FileCaseFromAlarmCommand(alarm.Id, "王值班")));

        var filed = engine.FindActiveAlarm(alarm.Id)!;
        var ticket = engine.FindTicket(filed.CaseId!)!;
        Assert.Equal("creek-water-level", ticket.CategoryCode);
        Assert.Equal(TicketStatus.Filed, ticket.Status);
        Assert.Equal(TicketChannel.SmartCase, ticket.Channel);
        Assert.Equal(alarm.Location, ticket.Location);
        Assert.Equal(alarm.SubDistrictCode, ticket.SubDistrictCode);
        Assert.Equal(alarm.Id, ticket.SourceAlarmId);
        Assert.Contains("最新读数4.1m", ticket.Description, StringComparison.Ordinal);
        Assert.Contains("警戒值3.8m", ticket.Description, StringComparison.Ordinal);
        Assert.Equal("王值班", ticket.ClaimedBy);
        Assert.Equal("王值班", filed.ClaimedBy);

        var events = engine.DrainEvents().OfType<AlarmChanged>().ToList();
        var change = Assert.Single(events);
        Assert.Equal(AlarmChange.FiledAsCase, change.Change);
        Assert.Equal("王值班", change.Actor);

        var again = engine.Apply(new FileCaseFromAlarmCommand(alarm.Id, "李值班"));
        Assert.False(again.Accepted);
        Assert.Contains(ticket.Id, again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thrown_object_detection_is_filed_under_its_category_with_the_camera_as_evidence()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-7", "thrown-object", "某小区 疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow())));
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);

        TestEngine.Accept(engine.FileCaseFromAlarm(alarm.Id, "王值班"));

        var ticket = engine.FindTicket(engine.FindActiveAlarm(alarm.Id)!.CaseId!)!;
        Assert.Equal("thrown-object", ticket.CategoryCode);
        Assert.Equal(TicketChannel.AiVideo, ticket.Channel);
        Assert.Contains("摄像头CAM-7", ticket.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alarm_no_category_files_and_an_outside_warning_are_refused_and_change_nothing()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-8", "crowd-gathering", "广场 人群聚集", TestGeo.Changshou, AlarmSeverity.Minor, time.GetUtcNow())));
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();
        var version = engine.Version;

        var refused = engine.FileCaseFromAlarm(alarm.Id, "王值班");

        Assert.False(refused.Accepted);
        Assert.Contains("crowd-gathering", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(engine.Snapshot().Tickets);
        Assert.Empty(engine.DrainEvents());
        Assert.Equal(version, engine.Version);
        Assert.Null(engine.FindActiveAlarm(alarm.Id)!.CaseId);
    }

    [Fact]
    public void A_creek_level_over_its_alarm_line_is_filed_by_itself_and_left_unclaimed()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.0);
        Assert.Empty(engine.Snapshot().Tickets);

        engine.Observe(time, "WL-1", 4.6);

        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        var ticket = Assert.Single(engine.Snapshot().Tickets);
        Assert.Equal(ticket.Id, alarm.CaseId);
        Assert.Equal(TicketStatus.Filed, ticket.Status);
        Assert.False(ticket.IsClaimed);
        Assert.Null(alarm.ClaimedBy);
        var filing = engine.DrainEvents().OfType<AlarmChanged>().Single(e => e.Change == AlarmChange.FiledAsCase);
        Assert.Equal(TwinEngine.AutoFiler, filing.Actor);
    }

    [Fact]
    public void A_gauge_that_alarms_again_beside_its_open_case_joins_that_case()
    {
        var (engine, time) = TestEngine.Create(duplicates: new DuplicateRules());
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.6);
        var first = Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.Observe(time, "WL-1", 3.5);
        time.Advance(TimeSpan.FromMinutes(20));

        engine.Observe(time, "WL-1", 4.7);

        var second = Assert.Single(engine.Snapshot().ActiveAlarms);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.CaseId, second.CaseId);
        var report = engine.FindTicket(TwinEngine.CaseIdFor(second.Id))!;
        Assert.Equal(TicketStatus.Merged, report.Status);
        Assert.Equal(first.CaseId, report.MergedIntoId);
        Assert.Equal(1, engine.FindTicket(first.CaseId!)!.DuplicatesCount);
    }

    [Fact]
    public void An_assigned_alarm_is_no_longer_simulated_staffs_to_acknowledge()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.0);
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);

        var unknown = engine.AssignAlarm(alarm.Id, "区气象局", AlarmAssigneeKind.Department, "王值班");
        TestEngine.Accept(engine.AssignAlarm(alarm.Id, "区水务局", AlarmAssigneeKind.Department, "王值班"));
        var bySimulator = engine.AcknowledgeAlarm(alarm.Id, "值班员01", bySimulatedStaff: true);

        Assert.False(unknown.Accepted);
        var assigned = engine.FindActiveAlarm(alarm.Id)!;
        Assert.Equal("区水务局", assigned.AssignedTo);
        Assert.Equal(AlarmAssigneeKind.Department, assigned.AssigneeKind);
        Assert.False(bySimulator.Accepted);
        Assert.False(assigned.IsAcknowledged);
        Assert.Contains(engine.DrainEvents().OfType<AlarmChanged>(), e => e is { Change: AlarmChange.Assigned, Actor: "王值班", Note: "指派给区水务局" });
    }

    [Fact]
    public void An_unacknowledged_critical_alarm_goes_to_the_supervisor_after_5_minutes_and_the_leader_after_15_once_each()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-7", "thrown-object", "某小区 疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Critical, time.GetUtcNow())));
        var alarm = Assert.Single(engine.Snapshot().ActiveAlarms);
        engine.DrainEvents();

        var levels = new List<int>();
        var escalations = new List<AlarmChanged>();
        for (var minute = 1; minute <= 20; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            engine.Tick();
            levels.Add(engine.FindActiveAlarm(alarm.Id)!.DutyLevel);
            escalations.AddRange(engine.DrainEvents().OfType<AlarmChanged>());
        }

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], levels);
        Assert.Equal([AlarmDutyLevels.Supervisor, AlarmDutyLevels.Leader], escalations.Select(e => e.Alarm.DutyLevel));
        Assert.All(escalations, e => Assert.Equal((AlarmChange.DutyEscalated, TwinEngine.AlarmEscalator), (e.Change, e.Actor)));
        Assert.Equal("5分钟未确认，升级至值班督办员", escalations[0].Note);
    }

    [Fact]
    public void An_acknowledged_alarm_and_an_info_alarm_never_escalate()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", thresholds: CreekLevels)));
        engine.Observe(time, "WL-1", 4.0);
        var threshold = Assert.Single(engine.Snapshot().ActiveAlarms);
        TestEngine.Accept(engine.AcknowledgeAlarm(threshold.Id, "王值班", "已通知水务"));
        var options = new EngineOptions { AlarmEscalation = new AlarmEscalationRules { Minor = AlarmEscalationTimers.Never } };
        Assert.Equal(AlarmDutyLevels.None, options.AlarmEscalation.For(AlarmSeverity.Info).LevelAt(TimeSpan.FromDays(1)));
        engine.DrainEvents();

        time.Advance(TimeSpan.FromHours(6));
        engine.Tick();

        Assert.Equal(AlarmDutyLevels.None, engine.FindActiveAlarm(threshold.Id)!.DutyLevel);
        Assert.DoesNotContain(engine.DrainEvents().OfType<AlarmChanged>(), e => e.Change == AlarmChange.DutyEscalated);
    }
}
