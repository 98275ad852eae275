using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

/// <summary>What a duty officer found wrong working the loop by hand (issue 15), each pinned down.</summary>
public class DeskFixesTests
{
    private const string Id = "T-1";

    /// <summary>长征镇: garbage sorting there is the town's own job first (镇管环卫), then the district's.</summary>
    private const string Changzheng = "310107102000";

    private static GeoPoint InChangzheng()
    {
        var random = new Random(7);
        while (true)
        {
            var point = TestGeo.RandomPointInside(random, TestGeo.Putuo);
            if (TestGeo.Putuo.SubDistrictFor(point).Code == Changzheng)
            {
                return point;
            }
        }
    }

    [Fact]
    public void After_a_refusal_dispatch_by_the_responsibility_list_goes_to_the_next_department_never_back_to_the_refusing_one()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id, category: "garbage-sorting", at: InChangzheng(), title: "小区垃圾满溢", description: "垃圾箱房三天没人清运");
        desk.Ok(new FileTicketCommand(Id, Desk.Officer));
        desk.Ok(new DispatchTicketCommand(Id, Desk.Officer));
        Assert.Equal("长征镇城运中心（镇管环卫）", desk[Id].Department);

        desk.Ok(new RefuseDispatchCommand(Id, "长征镇城运中心（镇管环卫）", "属区属道路保洁范围"));
        desk.Ok(new DispatchTicketCommand(Id, Desk.Officer));
        Assert.Equal("区绿化市容局", desk[Id].Department);

        // Both on the list have refused: the officer must choose, the list never sends it back.
        desk.Ok(new RefuseDispatchCommand(Id, "区绿化市容局", "系小区内部物业职责"));
        var byList = desk.Do(new DispatchTicketCommand(Id, Desk.Officer));
        Assert.False(byList.Accepted);
        Assert.Contains("name the department", byList.Reason);
        Assert.Equal((TicketStatus.Filed, null), (desk[Id].Status, desk[Id].Department));
        Assert.Equal(["长征镇城运中心（镇管环卫）", "区绿化市容局"], desk[Id].RefusedDepartmentList);

        desk.Ok(new DispatchTicketCommand(Id, Desk.Officer, "区房管局"));
        Assert.Equal("区房管局", desk[Id].Department);
    }

    [Fact]
    public void A_refused_case_with_one_responsible_department_is_not_sent_back_to_it()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Dispatched);
        Assert.Equal("区生态环境局", desk[Id].Department);
        desk.Ok(new RefuseDispatchCommand(Id, "区生态环境局", "系建筑工地，属建管委职责"));

        Assert.False(desk.Do(new DispatchTicketCommand(Id, Desk.Officer)).Accepted);
        Assert.Null(desk[Id].Department);
    }

    [Fact]
    public void Reopening_clears_the_evaluation_of_the_previous_closure()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Evaluated);
        Assert.True(desk[Id].Satisfied);

        desk.Ok(new ReopenTicketCommand(Id, Desk.Officer, "一周后同一工地再次夜间施工"));

        Assert.Equal((TicketStatus.Handling, null), (desk[Id].Status, desk[Id].Satisfied));
        Assert.Contains(desk.LoopSteps(Id), s => s.To == TicketStatus.Evaluated && s.Note!.StartsWith("满意", StringComparison.Ordinal));
    }

    [Fact]
    public void A_merge_keeps_one_explanation_naming_the_case_and_the_report_it_was_measured_against()
    {
        var desk = new Desk();
        var here = TestGeo.Changshou;
        desk.Report("T-1", at: here, title: "工地夜间施工噪声扰民", description: "晚上十点后工地还在施工，噪声很大");
        desk.Time.Advance(TimeSpan.FromMinutes(10));
        desk.Report("T-2", TicketChannel.CitizenApp, at: Desk.North(here, 40), title: "工地夜间施工噪声扰民", description: "晚上十点后工地还在施工，噪声很大");
        desk.Time.Advance(TimeSpan.FromMinutes(5));
        desk.Report("T-3", TicketChannel.NonPolice110, at: Desk.North(here, 80), title: "工地夜间施工噪声", description: "十点后工地还在施工噪声很大");

        var report = desk["T-3"];
        Assert.Equal("T-1", report.MergedIntoId);
        var merge = desk.LoopSteps("T-3").Last();
        Assert.Equal(merge.Note, report.DuplicateExplanation);
        Assert.StartsWith("自动并案：T-3并入T-1（最相近的是已并入该案的T-2）", report.DuplicateExplanation);

        // The case is never described as merged into itself: its own explanation is empty.
        Assert.Null(desk["T-1"].DuplicateExplanation);
    }

    [Fact]
    public void An_offered_duplicate_and_an_officer_merge_keep_their_explanations_too()
    {
        var desk = new Desk();
        desk.Report("T-1", at: TestGeo.Changshou);
        desk.Time.Advance(TimeSpan.FromHours(20));
        desk.Report("T-2", TicketChannel.GridPatrol, at: Desk.North(TestGeo.Changshou, 280));

        Assert.Equal(desk.HistoryOf("T-2").First().Note, desk["T-2"].DuplicateExplanation);
        Assert.StartsWith("疑似重复：T-2疑似T-1的重复报告", desk["T-2"].DuplicateExplanation);

        desk.Ok(new MergeTicketCommand("T-2", Desk.Officer, "T-1"));
        Assert.StartsWith("人工并案：T-2并入T-1，同类事项（噪声扰民）", desk["T-2"].DuplicateExplanation);

        desk.Ok(new SplitTicketCommand("T-2", Desk.Officer, "是另一处工地"));
        Assert.Null(desk["T-2"].DuplicateExplanation);
    }

    [Fact]
    public void A_person_acting_or_opening_claims_the_ticket_once_and_a_refused_action_claims_nothing()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Report("T-2");

        Assert.False(desk.Do(new CloseTicketCommand(Id, Desk.Officer, "  ")).Accepted);
        Assert.Null(desk[Id].ClaimedBy);

        desk.Ok(new FileTicketCommand(Id, Desk.Officer));
        desk.Ok(new MarkTicketViewedCommand(Id, "值班员02"));
        Assert.Equal(Desk.Officer, desk[Id].ClaimedBy);
        Assert.Single(desk.HistoryOf(Id), TicketHistoryFacts.IsClaim);

        desk.Ok(new MarkTicketViewedCommand("T-2", "值班员02"));
        Assert.Equal(("值班员02", TicketStatus.Discovered), (desk["T-2"].ClaimedBy, desk["T-2"].Status));
        Assert.False(desk.Do(new MarkTicketViewedCommand("T-9", "值班员02")).Accepted);
    }

    [Fact]
    public void The_facts_a_ticket_keeps_beyond_its_row_are_rebuilt_from_its_history_after_a_restart()
    {
        var desk = new Desk();
        desk.Report("T-1", category: "garbage-sorting", at: InChangzheng(), title: "小区垃圾满溢", description: "垃圾箱房三天没人清运");
        desk.Bring("T-1", TicketStatus.Dispatched);
        desk.Ok(new RefuseDispatchCommand("T-1", "长征镇城运中心（镇管环卫）", "属区属道路保洁范围"));
        desk.Report("T-2", at: TestGeo.Changshou);
        desk.Time.Advance(TimeSpan.FromMinutes(10));
        desk.Report("T-3", TicketChannel.CitizenApp, at: Desk.North(TestGeo.Changshou, 40));

        foreach (var id in new[] { "T-1", "T-3" })
        {
            var live = desk[id];
            var stored = live with { ClaimedBy = null, RefusedDepartments = string.Empty, DuplicateExplanation = null };
            Assert.Equal(live, TicketHistoryFacts.Rebuild(stored, desk.HistoryOf(id)));
        }
    }

    [Fact]
    public void An_alarm_a_person_opened_is_refused_to_simulated_staff_but_not_to_people()
    {
        var (engine, time) = TestEngine.Create();
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new Alarms.AiVideoEvent("cam-1", "thrown-object", "疑似高空抛物", TestGeo.Changshou, Alarms.AlarmSeverity.Major, time.GetUtcNow())));
        var alarm = engine.Snapshot().ActiveAlarms.Single();
        TestEngine.Accept(engine.Apply(new MarkAlarmViewedCommand(alarm.Id, Desk.Officer)));

        var bySimulatedStaff = engine.Apply(new AcknowledgeAlarmCommand(alarm.Id, "值班员03", BySimulatedStaff: true));
        Assert.False(bySimulatedStaff.Accepted);
        Assert.Contains(Desk.Officer, bySimulatedStaff.Reason);

        TestEngine.Accept(engine.Apply(new AcknowledgeAlarmCommand(alarm.Id, Desk.Officer, "已通知物业")));
    }

    [Fact]
    public void Loop_actions_of_simulated_staff_leave_a_ticket_unclaimed_and_are_refused_once_a_person_has_opened_it()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id, category: "garbage-sorting", at: InChangzheng(), title: "小区垃圾满溢", description: "垃圾箱房三天没人清运");
        desk.Ok(new ChangeTicketStatusCommand(Id, TicketStatus.Dispatched, "城运中心派单员"));
        desk.Ok(new RefuseDispatchCommand(Id, "长征镇城运中心（镇管环卫）", "属区属道路保洁范围") { BySimulatedStaff = true });
        Assert.Equal((TicketStatus.Filed, (string?)null), (desk[Id].Status, desk[Id].ClaimedBy));

        desk.Ok(new MarkTicketViewedCommand(Id, Desk.Officer));
        var bySimulatedStaff = desk.Do(new DispatchTicketCommand(Id, "城运中心派单员") { BySimulatedStaff = true });
        Assert.False(bySimulatedStaff.Accepted);
        Assert.Contains(Desk.Officer, bySimulatedStaff.Reason);
        Assert.Equal(TicketStatus.Filed, desk[Id].Status);

        desk.Ok(new DispatchTicketCommand(Id, Desk.Officer));
        Assert.Equal((TicketStatus.Dispatched, "区绿化市容局"), (desk[Id].Status, desk[Id].Department));
    }
}
