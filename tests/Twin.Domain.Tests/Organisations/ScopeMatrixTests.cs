using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Organisations;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Organisations;

/// <summary>
/// The scope matrix: every role × organisation × action on one case, through the engine (which
/// refuses, marked forbidden, what the scope does not allow), and every role × organisation × query
/// of the picture (tickets, alarms, sensors). The expectations are written out here, not derived
/// from <see cref="AccessScope"/>, so a change of the rules shows as a failing row.
/// </summary>
public sealed class ScopeMatrixTests
{
    private const string Water = "区水务局";
    private const string Housing = "区房管局";
    private const string Enforcement = "区城管执法局";

    private static readonly OrganisationDirectory Directory = new(TestEngine.Catalogue, TestGeo.Putuo);

    /// <summary>The organisations of the matrix, by their relation to the case (in 真如, led by 区水务局, 区房管局 coordinating).</summary>
    public static readonly string[] Organisations = ["centre", "lead", "coordinating", "other-department", "area", "other-area"];

    private static readonly AccessRole[] AllRoles = Enum.GetValues<AccessRole>();

    /// <summary>What an officer of each organisation may do on the case.</summary>
    private static readonly Dictionary<string, DispatchAction[]> OfficerMay = new()
    {
        ["centre"] =
        [
            DispatchAction.File, DispatchAction.Dispatch, DispatchAction.Accept, DispatchAction.AddCoordinatingDepartment, DispatchAction.Refuse,
            DispatchAction.SubmitForReview, DispatchAction.Close, DispatchAction.Evaluate, DispatchAction.Merge, DispatchAction.Split, DispatchAction.RecordHandling,
        ],
        ["lead"] = [DispatchAction.Accept, DispatchAction.Refuse, DispatchAction.SubmitForReview, DispatchAction.RecordHandling],
        ["coordinating"] = [DispatchAction.RecordHandling],
        ["other-department"] = [],
        ["area"] =
        [
            DispatchAction.File, DispatchAction.Dispatch, DispatchAction.AddCoordinatingDepartment, DispatchAction.Close, DispatchAction.Evaluate,
            DispatchAction.Merge, DispatchAction.Split,
        ],
        ["other-area"] = [],
    };

    /// <summary>What a supervisor may do beyond an officer of the same organisation: 审核, 督办, 改派, 重新处置 where it dispatches.</summary>
    private static readonly Dictionary<string, DispatchAction[]> SupervisorAlsoMay = new()
    {
        ["centre"] = [DispatchAction.Approve, DispatchAction.Reject, DispatchAction.Supervise, DispatchAction.Reassign, DispatchAction.Reopen],
        ["area"] = [DispatchAction.Approve, DispatchAction.Reject, DispatchAction.Supervise, DispatchAction.Reassign, DispatchAction.Reopen],
    };

    public static TheoryData<string, AccessRole, DispatchAction> Actions()
    {
        var data = new TheoryData<string, AccessRole, DispatchAction>();
        foreach (var organisation in Organisations)
        {
            foreach (var role in AllRoles)
            {
                foreach (var action in Enum.GetValues<DispatchAction>())
                {
                    data.Add(organisation, role, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_engine_lets_each_role_and_organisation_take_only_its_own_actions(string organisation, AccessRole role, DispatchAction action)
    {
        var (engine, _, ticketId) = CaseInHandling();
        var scope = new AccessScope(OrganisationFor(organisation, engine.Snapshot().Tickets.Single(t => t.Id == ticketId).SubDistrictCode), role);
        var expected = role switch
        {
            AccessRole.Officer => OfficerMay[organisation].Contains(action),
            AccessRole.Supervisor => OfficerMay[organisation].Contains(action) || SupervisorAlsoMay.GetValueOrDefault(organisation, []).Contains(action),
            _ => false,
        };

        var result = engine.Apply(CommandFor(action, ticketId) with { Scope = scope });

        // Allowed actions may still be refused by the loop (not legal from 处置中), never as forbidden.
        Assert.True(expected != result.Forbidden, $"{organisation} {role} {action}: forbidden={result.Forbidden} ({result.Reason})");
    }

    public static TheoryData<string, AccessRole> OrganisationsAndRoles()
    {
        var data = new TheoryData<string, AccessRole>();
        foreach (var organisation in Organisations)
        {
            foreach (var role in AllRoles)
            {
                data.Add(organisation, role);
            }
        }

        return data;
    }

    /// <summary>What each organisation's picture holds (any role: roles change what one does, not what one sees).</summary>
    [Theory]
    [MemberData(nameof(OrganisationsAndRoles))]
    public void The_picture_holds_only_what_the_organisation_sees(string organisation, AccessRole role)
    {
        var (engine, time, ticketId) = CaseInHandling();
        var elsewhere = TestEngine.Ticket("T-ELSEWHERE", time.GetUtcNow(), location: TestGeo.Changshou);
        TestEngine.Accept(engine.ReportTicket(elsewhere));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-1", "thrown-object", "疑似高空抛物", TestGeo.Zhenru, AlarmSeverity.Major, time.GetUtcNow())));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-2", "thrown-object", "疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow())));
        var inArea = engine.Snapshot().ActiveAlarms.Single(a => a.SourceId == "CAM-1");
        TestEngine.Accept(engine.AssignAlarm(inArea.Id, Water, AlarmAssigneeKind.Department, "值班员"));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-IN", location: TestGeo.Zhenru)));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-OUT", location: TestGeo.Changshou)));

        var all = engine.Snapshot();
        var area = all.Tickets.Single(t => t.Id == ticketId).SubDistrictCode;
        var view = new AccessScope(OrganisationFor(organisation, area), role).View(all);

        var (tickets, alarms, sensors) = organisation switch
        {
            "centre" => (new[] { ticketId, "T-ELSEWHERE" }, new[] { "CAM-1", "CAM-2" }, new[] { "WL-IN", "WL-OUT" }),
            "lead" => ([ticketId], ["CAM-1"], ["WL-IN", "WL-OUT"]),
            "coordinating" => ([ticketId], [], ["WL-IN", "WL-OUT"]),
            "other-department" => ([], [], ["WL-IN", "WL-OUT"]),
            "area" => ([ticketId], ["CAM-1"], ["WL-IN"]),
            _ => (["T-ELSEWHERE"], ["CAM-2"], ["WL-OUT"]),
        };
        Assert.Equal(tickets.Order(), view.Tickets.Select(t => t.Id).Order());
        Assert.Equal(alarms.Order(), view.ActiveAlarms.Select(a => a.SourceId).Order());
        Assert.Equal(sensors.Order(), view.Sensors.Select(s => s.Definition.Id).Order());
    }

    /// <summary>
    /// The wall's five panels: a 街镇's count only its own area's cases, alarms, sensors and cameras
    /// (真如 holds one of each, 长寿路 two); the centre's keep the district's figures.
    /// </summary>
    [Theory]
    [InlineData("centre")]
    [InlineData("area")]
    [InlineData("other-area")]
    public void A_walls_vital_signs_count_only_what_its_organisation_sees(string organisation)
    {
        var (engine, time, ticketId) = CaseInHandling();
        var zhenru = TestGeo.Putuo.SubDistrictFor(TestGeo.Zhenru).Code;
        var changshou = TestGeo.Putuo.SubDistrictFor(TestGeo.Changshou).Code;
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-CS-1", time.GetUtcNow(), location: TestGeo.Changshou)));
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-CS-2", time.GetUtcNow(), location: TestGeo.Changshou)));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-ZR", "thrown-object", "疑似高空抛物", TestGeo.Zhenru, AlarmSeverity.Major, time.GetUtcNow())));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-CS-1", "thrown-object", "疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Critical, time.GetUtcNow())));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-CS-2", "thrown-object", "疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Critical, time.GetUtcNow())));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-ZR", location: TestGeo.Zhenru)));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-CS-1", location: TestGeo.Changshou)));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-CS-2", location: TestGeo.Changshou)));
        engine.Observe(time, "WL-ZR", 3.1);
        engine.Observe(time, "WL-CS-1", 3.9);
        Camera[] cameras =
        [
            new("C-ZR", "真如", TestGeo.Zhenru, zhenru, Ai: true),
            new("C-CS-1", "长寿路", TestGeo.Changshou, changshou, Ai: false),
            new("C-CS-2", "长寿路", TestGeo.Changshou, changshou, Ai: true),
        ];
        var all = engine.Snapshot();

        var view = new AreaVitalSigns(TestGeo.Putuo, TestEngine.Catalogue, cameras)
            .View(new AccessScope(OrganisationFor(organisation, zhenru), AccessRole.Wall), all);

        var signs = view.VitalSigns;
        var water = Assert.Single(signs.Perception.Kinds);
        var figures = (signs.Pulse.TicketsToday, signs.Pulse.Backlog, signs.Alerts.Critical, signs.Alerts.Major, signs.Alerts.AiAlarmsToday,
            signs.Look.SensorsTotal, water.Total, water.Max, signs.Look.CamerasConnected, signs.Look.AiCameras, signs.Voice.HotlineToday);
        switch (organisation)
        {
            case "centre":
                Assert.Same(all.VitalSigns, signs);
                Assert.Null(signs.SubDistrictCode);
                Assert.Equal((3, 3, 2, 1, 3, 3), (figures.TicketsToday, figures.Backlog, figures.Critical, figures.Major, figures.AiAlarmsToday, figures.SensorsTotal));
                break;
            case "area":
                Assert.Equal(zhenru, signs.SubDistrictCode);
                Assert.Equal((1, 1, 0, 1, 1, 1, 1, 3.1, 1, 1, 1), figures);
                Assert.Equal((zhenru, 1), (view.Dispatch!.Overall.Key, view.Dispatch.Overall.Reports));
                Assert.Equal([ticketId], view.Tickets.Select(t => t.Id));
                break;
            default:
                Assert.Equal(changshou, signs.SubDistrictCode);
                Assert.Equal((2, 2, 2, 0, 2, 2, 2, 3.9, 2, 1, 2), figures);
                Assert.Equal((changshou, 2), (view.Dispatch!.Overall.Key, view.Dispatch.Overall.Reports));
                break;
        }
    }

    /// <summary>
    /// A department's wall counts its own work: the case it leads or coordinates (真如's), the alarm
    /// assigned to it, and 评效 as its own row; the standing picture and the sensors stay the
    /// district's. 长寿路's unassigned case and alarm count on no department's wall.
    /// </summary>
    [Theory]
    [InlineData("lead")]
    [InlineData("coordinating")]
    [InlineData("other-department")]
    public void A_departments_wall_counts_its_own_cases_and_alarms_and_the_districts_sensors(string organisation)
    {
        var (engine, time, ticketId) = CaseInHandling();
        TestEngine.Accept(engine.ReportTicket(TestEngine.Ticket("T-CS", time.GetUtcNow(), location: TestGeo.Changshou)));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-ZR", "thrown-object", "疑似高空抛物", TestGeo.Zhenru, AlarmSeverity.Critical, time.GetUtcNow())));
        TestEngine.Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-CS", "thrown-object", "疑似高空抛物", TestGeo.Changshou, AlarmSeverity.Major, time.GetUtcNow())));
        TestEngine.Accept(engine.AssignAlarm(engine.Snapshot().ActiveAlarms.Single(a => a.SourceId == "CAM-ZR").Id, Water, AlarmAssigneeKind.Department, "值班员"));
        TestEngine.Accept(engine.RegisterSensor(TestEngine.Sensor("WL-CS", location: TestGeo.Changshou)));
        var all = engine.Snapshot();
        var department = OrganisationFor(organisation, all.Tickets.Single(t => t.Id == ticketId).SubDistrictCode);

        var view = new AreaVitalSigns(TestGeo.Putuo, TestEngine.Catalogue, []).View(new AccessScope(department, AccessRole.Wall), all);

        var signs = view.VitalSigns;
        Assert.Equal(department.NameZh, signs.Department);
        Assert.Null(signs.SubDistrictCode);
        Assert.Same(all.VitalSigns.Look, signs.Look);
        Assert.Same(all.VitalSigns.Perception, signs.Perception);
        Assert.Equal((2, 2, 1, 1), (all.VitalSigns.Pulse.TicketsToday, all.VitalSigns.Pulse.Backlog, all.VitalSigns.Alerts.Critical, all.VitalSigns.Alerts.Major));
        var zhenru = TestGeo.Putuo.SubDistrictFor(TestGeo.Zhenru).Name;
        var figures = (signs.Pulse.TicketsToday, signs.Pulse.Backlog, signs.Alerts.Critical, signs.Alerts.Major, signs.Voice.HotspotSubDistricts.FirstOrDefault()?.Name);
        Assert.Equal(department.NameZh, view.Dispatch!.Overall.Key);
        switch (organisation)
        {
            case "lead":
                Assert.Equal((1, 1, 1, 0, zhenru), figures);
                Assert.Equal(1, view.Dispatch.Overall.Reports);
                break;
            case "coordinating":
                Assert.Equal((1, 1, 0, 0, zhenru), figures);
                break;
            default:
                Assert.Equal((0, 0, 0, 0, (string?)null), figures);
                Assert.Equal(0, view.Dispatch.Overall.Reports);
                break;
        }
    }

    /// <summary>
    /// A 街镇's wall shows the drones over its area or flying a mission there, those missions, and its
    /// own rain gauges: 真如's sees its docked drone and 长寿路's drone sent to a case in 真如;
    /// 长寿路's sees only the drone on its own dock (not the mission to 真如) and its own gauge.
    /// </summary>
    [Theory]
    [InlineData("area")]
    [InlineData("other-area")]
    public void A_sub_districts_wall_shows_only_the_drones_missions_and_rain_gauges_of_its_area(string organisation)
    {
        var (engine, time, ticketId) = CaseInHandling();
        var now = time.GetUtcNow();
        var all = engine.Snapshot() with
        {
            Drones = [DroneState.Docked(new DroneDefinition("UAV-ZR", "M350", TestGeo.Zhenru, 15)), DroneState.Docked(new DroneDefinition("UAV-CS", "M350", TestGeo.Changshou, 15))],
            Missions = [new MissionState("M-1", "UAV-CS", MissionKind.TicketFlight, MissionStatus.Flying, null, ticketId, [TestGeo.Zhenru], now, null, now, "值班员", null)],
            Rainfall = [new RainfallFigure("RG-ZR", "真如雨量站", TestGeo.Zhenru, 12, 40), new RainfallFigure("RG-CS", "长寿路雨量站", TestGeo.Changshou, 30, 80)],
        };
        var area = all.Tickets.Single(t => t.Id == ticketId).SubDistrictCode;

        var view = new AreaVitalSigns(TestGeo.Putuo, TestEngine.Catalogue, []).View(new AccessScope(OrganisationFor(organisation, area), AccessRole.Wall), all);

        var (drones, missions, gauges) = organisation == "area"
            ? (new[] { "UAV-CS", "UAV-ZR" }, new[] { "M-1" }, new[] { "RG-ZR" })
            : (["UAV-CS"], [], ["RG-CS"]);
        Assert.Equal(drones, view.Drones.Select(d => d.Id).Order());
        Assert.Equal(missions, view.Missions.Select(m => m.Id));
        Assert.Equal(gauges, view.Rainfall.Select(r => r.SensorId));
    }

    [Fact]
    public void A_reassigned_case_leaves_the_old_departments_inbox_and_its_crew_can_no_longer_act_on_it()
    {
        var (engine, _, ticketId) = CaseInHandling();
        var supervisor = new AccessScope(Organisation.Centre, AccessRole.Supervisor);
        var water = new AccessScope(Directory.FindDepartment(Water)!, AccessRole.Officer);
        var enforcement = new AccessScope(Directory.FindDepartment(Enforcement)!, AccessRole.Officer);

        TestEngine.Accept(engine.Apply(new ReassignTicketCommand(ticketId, "督办员", Enforcement, "属城管职责") { Scope = supervisor }));

        var ticket = engine.Snapshot().Tickets.Single(t => t.Id == ticketId);
        Assert.Equal((Enforcement, TicketStatus.Dispatched, ""), (ticket.Department, ticket.Status, ticket.CoordinatingDepartments));
        Assert.Empty(water.View(engine.Snapshot()).Tickets);
        Assert.True(engine.Apply(new AcceptDispatchCommand(ticketId, "水务局") { Scope = water }).Forbidden);
        TestEngine.Accept(engine.Apply(new AcceptDispatchCommand(ticketId, "城管") { Scope = enforcement }));
    }

    [Fact]
    public void A_departments_handling_note_goes_into_the_history_and_the_case_stays_in_handling()
    {
        var (engine, _, ticketId) = CaseInHandling();
        var water = new AccessScope(Directory.FindDepartment(Water)!, AccessRole.Officer);
        engine.DrainEvents();

        TestEngine.Accept(engine.Apply(new RecordHandlingCommand(ticketId, "区水务局河道科", "已派员到场清理河面垃圾") { Scope = water }));

        var step = Assert.Single(engine.DrainEvents().OfType<TicketChanged>()).Transition;
        Assert.Equal((TicketStatus.Handling, TicketStatus.Handling, "处置反馈：已派员到场清理河面垃圾"), (step.From!.Value, step.To, step.Note));
        Assert.Equal(TicketStatus.Handling, engine.Snapshot().Tickets.Single(t => t.Id == ticketId).Status);
        Assert.False(engine.Apply(new RecordHandlingCommand(ticketId, "区水务局河道科", " ") { Scope = water }).Accepted);
    }

    /// <summary>"other-area" is 长寿路's 街镇, where the matrix's second case and alarm are.</summary>
    private static Organisation OrganisationFor(string label, string area) => label switch
    {
        "centre" => Organisation.Centre,
        "lead" => Directory.FindDepartment(Water)!,
        "coordinating" => Directory.FindDepartment(Housing)!,
        "other-department" => Directory.FindDepartment(Enforcement)!,
        "area" => Directory.FindSubDistrict(area)!,
        _ => Directory.FindSubDistrict(TestGeo.Putuo.SubDistrictFor(TestGeo.Changshou).Code)!,
    };

    /// <summary>A case in 真如, dispatched to 区水务局 with 区房管局 coordinating, accepted: 处置中.</summary>
    private static (TwinEngine Engine, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time, string TicketId) CaseInHandling()
    {
        var (engine, time) = TestEngine.Create();
        var report = TestEngine.Ticket("T-CASE", time.GetUtcNow(), location: TestGeo.Zhenru);
        TestEngine.Accept(engine.ReportTicket(report));
        TestEngine.Accept(engine.Apply(new FileTicketCommand(report.Id, "值班员")));
        TestEngine.Accept(engine.Apply(new DispatchTicketCommand(report.Id, "值班员", Water)));
        TestEngine.Accept(engine.Apply(new AddCoordinatingDepartmentCommand(report.Id, "值班员", Housing)));
        TestEngine.Accept(engine.Apply(new AcceptDispatchCommand(report.Id, "区水务局")));
        return (engine, time, report.Id);
    }

    private static DispatchCommand CommandFor(DispatchAction action, string id) => action switch
    {
        DispatchAction.File => new FileTicketCommand(id, "甲"),
        DispatchAction.Dispatch => new DispatchTicketCommand(id, "甲", Water),
        DispatchAction.Accept => new AcceptDispatchCommand(id, "甲"),
        DispatchAction.AddCoordinatingDepartment => new AddCoordinatingDepartmentCommand(id, "甲", Enforcement),
        DispatchAction.Refuse => new RefuseDispatchCommand(id, "甲", "非本部门职责"),
        DispatchAction.SubmitForReview => new SubmitForReviewCommand(id, "甲"),
        DispatchAction.Approve => new ApproveReviewCommand(id, "甲"),
        DispatchAction.Reject => new RejectReviewCommand(id, "甲", "处置不到位"),
        DispatchAction.Close => new CloseTicketCommand(id, "甲", "已解决"),
        DispatchAction.Evaluate => new EvaluateTicketCommand(id, "甲", true),
        DispatchAction.Reopen => new ReopenTicketCommand(id, "甲", "问题复发"),
        DispatchAction.Supervise => new SuperviseTicketCommand(id, "甲", 1, "超时"),
        DispatchAction.Merge => new MergeTicketCommand(id, "甲", id),
        DispatchAction.Split => new SplitTicketCommand(id, "甲", "不是同一问题"),
        DispatchAction.Reassign => new ReassignTicketCommand(id, "甲", Enforcement, "属城管职责"),
        DispatchAction.RecordHandling => new RecordHandlingCommand(id, "甲", "已到场"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
