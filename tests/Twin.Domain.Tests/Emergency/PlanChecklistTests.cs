using Twin.Domain.Emergency;
using Twin.Domain.Sensors;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Emergency;

public sealed class PlanChecklistTests
{
    [Fact]
    public void Entering_a_level_starts_its_checklist_with_due_times_from_the_plan()
    {
        var (engine, _) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨"));

        var plan = engine.Emergency.Plans.Find(EmergencyType.FloodTyphoon)!.For(ResponseLevel.IV);
        var steps = engine.Snapshot().Checklist;
        Assert.Equal(plan.Checklist.Select(s => s.Id).Order(), steps.Select(s => s.StepId).Order());
        Assert.All(steps, s => Assert.Equal(plan.Checklist.Single(p => p.Id == s.StepId).TimeLimit, s.DueAt - s.StartedAt));
        Assert.Equal(new ChecklistProgress(steps.Length, 0, 0), engine.Snapshot().ChecklistProgress);
    }

    [Fact]
    public void An_overdue_step_rises_in_supervision_on_the_clock_and_a_ticked_one_does_not()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨"));
        engine.DrainEvents();

        // notify-duty: 30 min; check-pumps: 60 min.
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.False(engine.CompleteChecklistStep("notify-duty", "王值班", " ").Accepted);
        TestEngine.Accept(engine.CompleteChecklistStep("notify-duty", "王值班", "值班人员已全部到岗"));
        time.Advance(TimeSpan.FromMinutes(39));
        engine.Tick();
        Assert.DoesNotContain(engine.DrainEvents().OfType<ChecklistStepChanged>(), e => e.Change == ChecklistChange.Supervised);

        time.Advance(TimeSpan.FromMinutes(1));
        engine.Tick();
        var supervised = Assert.Single(engine.DrainEvents().OfType<ChecklistStepChanged>(), e => e.Change == ChecklistChange.Supervised);
        Assert.Equal(("check-pumps", 1), (supervised.Step.StepId, supervised.Step.SupervisionLevel));

        time.Advance(TimeSpan.FromMinutes(60));
        engine.Tick();
        Assert.Equal(2, engine.Snapshot().Checklist.Single(s => s.StepId == "check-pumps").SupervisionLevel);
        Assert.Equal(0, engine.Snapshot().Checklist.Single(s => s.StepId == "notify-duty").SupervisionLevel);
        var done = engine.Snapshot().Checklist.Single(s => s.StepId == "notify-duty");
        Assert.Equal(("王值班", "值班人员已全部到岗", TestEngine.Start.AddMinutes(20)), (done.DoneBy, done.Note, done.DoneAt!.Value));
    }

    [Fact]
    public void Raising_keeps_running_steps_and_adds_the_new_ones_lowering_withdraws_what_the_lower_level_does_not_ask()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, "暴雨"));
        var firstDue = engine.Snapshot().Checklist.Single(s => s.StepId == "notify-duty").DueAt;
        time.Advance(TimeSpan.FromMinutes(10));
        TestEngine.Accept(engine.ChangeResponseLevel(ResponseLevel.II, "赵领导", OfficerRole.Leader, "水位超警"));

        var raised = engine.Snapshot().Checklist;
        Assert.Equal(firstDue, raised.Single(s => s.StepId == "notify-duty").DueAt);
        Assert.Contains(raised, s => s.StepId == "teams-standby" && s.Level == ResponseLevel.II);

        TestEngine.Accept(engine.ChangeResponseLevel(ResponseLevel.IV, "赵领导", OfficerRole.Leader, "水位回落"));
        Assert.DoesNotContain(engine.Snapshot().Checklist, s => s.StepId == "teams-standby");
        TestEngine.Accept(engine.EndEmergency("赵领导", OfficerRole.Leader, "解除"));
        Assert.Empty(engine.Snapshot().Checklist);
    }

    [Fact]
    public void Raising_tightens_thresholds_and_ending_restores_them_exactly()
    {
        var (engine, time) = TestEngine.Create();
        var own = new Thresholds(3.8, 4.2, 0.1);
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-1", SensorKind.CreekWaterLevel, own)));
        engine.Observe(time, "WL-1", 3.0);
        var before = engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!;

        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.II, "赵领导", OfficerRole.Leader, "台风"));
        var tight = engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!;
        Assert.Equal((3.5, 3.9), (tight.WarningLevel, tight.AlarmLevel));
        engine.Observe(time, "WL-1", 3.6);
        Assert.Equal(ValueState.Warning, engine.Snapshot().Sensors.Single().ValueState);

        TestEngine.Accept(engine.ChangeResponseLevel(ResponseLevel.IV, "赵领导", OfficerRole.Leader, "减弱"));
        Assert.Equal((3.7, 4.1), (engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!.WarningLevel,
            engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!.AlarmLevel));
        TestEngine.Accept(engine.EndEmergency("赵领导", OfficerRole.Leader, "解除"));

        var after = engine.Snapshot().VitalSigns.Perception.Of(SensorKind.CreekWaterLevel)!;
        Assert.Equal((before.WarningLevel, before.AlarmLevel), (after.WarningLevel, after.AlarmLevel));
        Assert.Equal(own, engine.Snapshot().Sensors.Single().Definition.Thresholds);
        Assert.Equal(own, engine.EffectiveThresholds(engine.Snapshot().Sensors.Single().Definition));
        engine.Observe(time, "WL-1", 3.6);
        Assert.Equal(ValueState.Normal, engine.Snapshot().Sensors.Single().ValueState);
    }

    [Fact]
    public void A_level_shortens_the_time_limits_of_its_categories_and_ending_restores_them()
    {
        var (engine, time) = TestEngine.Create();
        var limit = TestEngine.Catalogue.Find("waterlogging")!.TimeLimits.Dispatch;
        TestEngine.Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.III, "李督办", OfficerRole.Supervisor, "暴雨"));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-1", time.GetUtcNow(), category: "waterlogging")));
        TestEngine.Accept(engine.EndEmergency("李督办", OfficerRole.Supervisor, "解除"));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-2", time.GetUtcNow(), category: "waterlogging")));

        var tickets = engine.Snapshot().Tickets.ToDictionary(t => t.Id);
        Assert.Equal(limit * 0.5, tickets["T-1"].StepDueAt!.Value - tickets["T-1"].ReportedAt);
        Assert.Equal(limit, tickets["T-2"].StepDueAt!.Value - tickets["T-2"].ReportedAt);
    }

    [Fact]
    public void Every_plan_loads_with_all_four_levels_and_its_dispatch_rules_name_catalogue_categories()
    {
        var plans = PlanLibrary.LoadDefault(TestEngine.Catalogue);
        Assert.Equal(Enum.GetValues<EmergencyType>().Order(), plans.Plans.Select(p => p.Type).Order());
        Assert.All(plans.Plans, p => Assert.Equal(4, p.Levels.Count));
        var flood = plans.Find(EmergencyType.FloodTyphoon)!;
        Assert.True(flood.For(ResponseLevel.I).Checklist.Count > flood.For(ResponseLevel.IV).Checklist.Count);
        var broken = """{"type":"flood-typhoon","nameZh":"x","nameEn":"x","levels":[{"level":"IV","checklist":[{"id":"a","titleZh":"a","titleEn":"a","department":"d","minutes":5}],"dispatch":[{"category":"no-such","slaFactor":0.5}]}]}""";
        var error = Assert.Throws<InvalidDataException>(() => PlanLibrary.Parse(broken, "bad.json", TestEngine.Catalogue));
        Assert.Contains("no-such", error.Message);
    }
}
