using Twin.Domain.Alarms;
using Twin.Domain.Emergency;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Emergency;

public sealed class EmergencyModeTests
{
    [Fact]
    public void An_officer_cannot_start_raise_lower_or_end_an_emergency()
    {
        var (engine, _) = TestEngine.Create();
        Assert.False(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "王值班", OfficerRole.Officer, "暴雨").Accepted);
        Assert.False(engine.Snapshot().IsEmergency);

        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨蓝色预警"));
        Assert.False(engine.ChangeResponseLevel(ResponseLevel.III, "王值班", OfficerRole.Officer, "雨势加大").Accepted);
        Assert.False(engine.EndEmergency("王值班", OfficerRole.Officer, "雨停").Accepted);
        Assert.Equal(ResponseLevel.IV, engine.Snapshot().Mode.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Every_mode_change_needs_a_reason(string reason)
    {
        var (engine, _) = TestEngine.Create();
        Assert.False(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "赵领导", OfficerRole.Leader, reason).Accepted);
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "赵领导", OfficerRole.Leader, "台风逼近"));
        Assert.False(engine.ChangeResponseLevel(ResponseLevel.II, "赵领导", OfficerRole.Leader, reason).Accepted);
        Assert.False(engine.EndEmergency("赵领导", OfficerRole.Leader, reason).Accepted);
        Assert.True(engine.Snapshot().IsEmergency);
    }

    [Fact]
    public void Start_raise_lower_and_end_are_recorded_with_actor_role_and_reason()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨蓝色预警"));
        time.Advance(TimeSpan.FromMinutes(30));
        TestEngine.Accept(engine.ChangeResponseLevel(ResponseLevel.II, "赵领导", OfficerRole.Leader, "苏州河水位超警"));
        time.Advance(TimeSpan.FromMinutes(30));
        TestEngine.Accept(engine.ChangeResponseLevel(ResponseLevel.III, "赵领导", OfficerRole.Leader, "水位回落"));
        Assert.False(engine.ChangeResponseLevel(ResponseLevel.III, "赵领导", OfficerRole.Leader, "again").Accepted);
        time.Advance(TimeSpan.FromMinutes(30));
        TestEngine.Accept(engine.EndEmergency("赵领导", OfficerRole.Leader, "雨停，险情排除"));

        var changes = engine.DrainEvents().OfType<ModeChanged>().Select(e => e.Change).ToList();
        Assert.Equal([ModeChangeKind.Started, ModeChangeKind.Raised, ModeChangeKind.Lowered, ModeChangeKind.Ended], changes.Select(c => c.Kind));
        Assert.Equal([ResponseLevel.IV, ResponseLevel.II, ResponseLevel.III, ResponseLevel.III], changes.Select(c => c.Level));
        Assert.Single(changes.Select(c => c.IncidentId).Distinct());
        Assert.Equal(("赵领导", OfficerRole.Leader, "水位回落"), (changes[2].Actor, changes[2].Role, changes[2].Reason));
        Assert.False(engine.Snapshot().IsEmergency);
    }

    [Fact]
    public void A_critical_alarm_does_not_make_the_twin_an_emergency()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("SM-1", SensorKind.Smoke, new Thresholds(2, 4, 0.3))));
        engine.Observe(time, "SM-1", 9);
        var snapshot = engine.Snapshot();
        Assert.Contains(snapshot.ActiveAlarms, a => a.Severity == AlarmSeverity.Critical);
        Assert.False(snapshot.IsEmergency);
    }

    [Fact]
    public void A_cap_typhoon_warning_proposes_but_never_switches_the_mode()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseExternalAlarm(TyphoonWarning("cma,TY-1", "台风黄色预警")));
        time.Advance(TimeSpan.FromHours(2));
        engine.Tick();

        var snapshot = engine.Snapshot();
        Assert.False(snapshot.IsEmergency);
        var proposal = Assert.Single(snapshot.Proposals);
        Assert.Equal((EmergencyType.FloodTyphoon, ResponseLevel.III, "cap"), (proposal.Type, proposal.Level, proposal.Source));
        Assert.Contains("台风黄色预警", proposal.Reason);
    }

    [Fact]
    public void A_creek_gauge_in_alarm_proposes_flood_control_level_IV()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", SensorKind.CreekWaterLevel, new Thresholds(3.8, 4.2, 0.1))));
        engine.Observe(time, "WL-1", 4.3);

        var proposal = Assert.Single(engine.Snapshot().Proposals);
        Assert.Equal((EmergencyType.FloodTyphoon, ResponseLevel.IV, "WL-1"), (proposal.Type, proposal.Level, proposal.SourceRef));
        Assert.False(engine.Snapshot().IsEmergency);
    }

    [Fact]
    public void Only_a_supervisor_or_leader_confirms_a_proposal_and_confirming_starts_the_plan()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.ProposeMode("cap", "cma,TY-2", EmergencyType.FloodTyphoon, ResponseLevel.IV, "台风蓝色预警"));
        var id = engine.Snapshot().Proposals.Single().Id;

        Assert.False(engine.ConfirmProposal(id, "王值班", OfficerRole.Officer, null).Accepted);
        Assert.False(engine.Snapshot().IsEmergency);

        TestEngine.Accept(engine.ConfirmProposal(id, "李督办", OfficerRole.Supervisor, null));
        var snapshot = engine.Snapshot();
        Assert.Equal((EmergencyType.FloodTyphoon, ResponseLevel.IV), (snapshot.Mode.Type!.Value, snapshot.Mode.Level!.Value));
        Assert.Empty(snapshot.Proposals);
        Assert.NotEmpty(snapshot.Checklist);
        var events = engine.DrainEvents();
        Assert.Equal(id, events.OfType<ModeChanged>().Single().Change.ProposalId);
        var decided = Assert.Single(events.OfType<ModeProposalChanged>(), e => e.Proposal.Status != ProposalStatus.Open).Proposal;
        Assert.Equal((ProposalStatus.Confirmed, "李督办"), (decided.Status, decided.DecidedBy));
    }

    [Fact]
    public void A_dismissed_proposal_needs_a_reason_and_leaves_the_mode_daily()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.ProposeMode("sensor", "WL-1", EmergencyType.FloodTyphoon, ResponseLevel.IV, "水位超警"));
        var id = engine.Snapshot().Proposals.Single().Id;
        Assert.False(engine.DismissProposal(id, "李督办", OfficerRole.Supervisor, " ").Accepted);
        TestEngine.Accept(engine.DismissProposal(id, "李督办", OfficerRole.Supervisor, "潮位正常，传感器误报"));

        Assert.Empty(engine.Snapshot().Proposals);
        Assert.False(engine.Snapshot().IsEmergency);
        var dismissed = engine.DrainEvents().OfType<ModeProposalChanged>().Last().Proposal;
        Assert.Equal((ProposalStatus.Dismissed, "李督办"), (dismissed.Status, dismissed.DecidedBy));
    }

    [Fact]
    public void A_proposal_the_running_level_covers_is_not_made_and_a_higher_one_raises_on_confirm()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.III, "李督办", OfficerRole.Supervisor, "暴雨"));
        Assert.False(engine.ProposeMode("cap", "a", EmergencyType.FloodTyphoon, ResponseLevel.IV, "台风蓝色预警").Accepted);
        TestEngine.Accept(engine.ProposeMode("cap", "b", EmergencyType.FloodTyphoon, ResponseLevel.II, "台风橙色预警"));

        TestEngine.Accept(engine.ConfirmProposal(engine.Snapshot().Proposals.Single().Id, "赵领导", OfficerRole.Leader, "升级至II级"));
        Assert.Equal(ResponseLevel.II, engine.Snapshot().Mode.Level);
    }

    [Fact]
    public void A_second_emergency_cannot_start_while_one_runs()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨"));
        Assert.False(engine.StartEmergency(EmergencyType.MajorFireAccident, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "火灾").Accepted);
        Assert.Equal(EmergencyType.FloodTyphoon, engine.Snapshot().Mode.Type);
    }

    internal static ExternalAlert TyphoonWarning(string key, string kind) =>
        new(key, kind, $"上海中心气象台发布{kind}", AlarmSeverity.Major, TestGeo.Zhenru, AlarmArea.Circle(TestGeo.Zhenru, 5000), []);
}
