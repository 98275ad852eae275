using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

public class ReturnsAndSupervisionTests
{
    private const string Id = "T-1";

    /// <summary>noise: dispatch 2 h, handle 48 h, review 24 h (event-catalogue.json).</summary>
    private static readonly TimeSpan DispatchLimit = TimeSpan.FromHours(2);

    private static readonly TimeSpan HandleLimit = TimeSpan.FromHours(48);

    [Fact]
    public void A_rejected_review_goes_back_to_handling_with_a_fresh_handling_clock()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Review);
        desk.Time.Advance(TimeSpan.FromHours(1));

        desk.Ok(new RejectReviewCommand(Id, "审核员", "现场复核仍有夜间施工"));

        var ticket = desk[Id];
        Assert.Equal(TicketStatus.Handling, ticket.Status);
        Assert.Equal(desk.Time.GetUtcNow() + HandleLimit, ticket.StepDueAt);
        var last = desk.HistoryOf(Id).Last();
        Assert.Equal((TicketStatus.Review, TicketStatus.Handling, "审核员"), (last.From!.Value, last.To, last.Actor));
        Assert.Contains("现场复核仍有夜间施工", last.Note);
    }

    [Fact]
    public void A_refused_dispatch_goes_back_to_the_dispatcher_without_a_department()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Dispatched);
        desk.Ok(new AddCoordinatingDepartmentCommand(Id, Desk.Officer, "区城管执法局"));

        desk.Ok(new RefuseDispatchCommand(Id, "区生态环境局", "系建筑工地，属建管委职责"));

        var ticket = desk[Id];
        Assert.Equal(TicketStatus.Filed, ticket.Status);
        Assert.Null(ticket.Department);
        Assert.Empty(ticket.CoordinatingDepartmentList);
        Assert.Contains("退单", desk.HistoryOf(Id).Last().Note);

        desk.Ok(new DispatchTicketCommand(Id, "派单员", "区建管委"));
        Assert.Equal(("区建管委", TicketStatus.Dispatched), (desk[Id].Department, desk[Id].Status));
    }

    [Fact]
    public void An_unsatisfied_citizen_reopens_the_case_and_the_closure_is_taken_back()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Bring(Id, TicketStatus.Closed);
        Assert.Equal(1, desk.Engine.Snapshot().VitalSigns.Pulse.ClosedToday);
        Assert.Equal(0, desk.Engine.Snapshot().VitalSigns.Pulse.Backlog);

        desk.Ok(new EvaluateTicketCommand(Id, "市民回访", Satisfied: false, "夜里还在施工"));

        var ticket = desk[Id];
        // The closure is taken back; the verdict stands until a new evaluation, and the satisfaction rate counts it.
        Assert.Equal((TicketStatus.Handling, 1, false, null), (ticket.Status, ticket.ReopenedCount, ticket.Satisfied, ticket.ClosedAt));
        var tally = new EvaluationTally();
        tally.Add(ticket);
        Assert.Equal(0.0, tally.ToPeriodRow("district", "全区").SatisfactionRate);
        Assert.Contains("不满意", desk.LoopSteps(Id).Last().Note);
        var pulse = desk.Engine.Snapshot().VitalSigns.Pulse;
        Assert.Equal((0, 1), (pulse.ClosedToday, pulse.Backlog));

        desk.Bring(Id, TicketStatus.Evaluated);
        desk.Ok(new ReopenTicketCommand(Id, "督办员", "一周后同一工地再次夜间施工"));
        Assert.Equal((TicketStatus.Handling, 2), (desk[Id].Status, desk[Id].ReopenedCount));
        Assert.Equal(
            [TicketStatus.Discovered, TicketStatus.Filed, TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Review, TicketStatus.Closed,
             TicketStatus.Handling, TicketStatus.Review, TicketStatus.Closed, TicketStatus.Evaluated, TicketStatus.Handling],
            desk.LoopSteps(Id).Select(t => t.To));
    }

    [Fact]
    public void An_overdue_step_is_supervised_on_tick_and_escalates_with_each_further_limit()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        var due = desk[Id].StepDueAt!.Value;
        Assert.Equal(desk[Id].ReportedAt + DispatchLimit, due);

        desk.Time.Advance(DispatchLimit - TimeSpan.FromSeconds(1));
        desk.Tick();
        Assert.Equal(0, desk[Id].SupervisionLevel);

        desk.Time.Advance(TimeSpan.FromSeconds(1));
        desk.Tick();
        Assert.Equal((1, 1), (desk[Id].SupervisionLevel, desk[Id].OverdueSteps));
        var supervised = desk.HistoryOf(Id).Last();
        Assert.Equal(("系统督办", TicketStatus.Discovered, TicketStatus.Discovered), (supervised.Actor, supervised.From!.Value, supervised.To));
        Assert.Contains("一般督办", supervised.Note);

        desk.Time.Advance(DispatchLimit);
        desk.Tick();
        Assert.Equal(2, desk[Id].SupervisionLevel);
        desk.Time.Advance(DispatchLimit);
        desk.Tick();
        Assert.Equal(3, desk[Id].SupervisionLevel);
        desk.Time.Advance(DispatchLimit * 5);
        desk.Tick();
        Assert.Equal(3, desk[Id].SupervisionLevel);
        Assert.Equal(3, desk.HistoryOf(Id).Count(t => t.Actor == "系统督办"));
        Assert.Equal(1, desk.Engine.Snapshot().Dispatch!.Supervised);
        Assert.Equal(1, desk.Engine.Snapshot().Dispatch!.Overdue);

        // Dispatching starts the handling clock: the level starts again, the late step stays counted.
        desk.Ok(new FileTicketCommand(Id, Desk.Officer));
        Assert.Equal(3, desk[Id].SupervisionLevel);
        desk.Ok(new DispatchTicketCommand(Id, "派单员"));
        Assert.Equal((0, 1), (desk[Id].SupervisionLevel, desk[Id].OverdueSteps));
        Assert.Equal(desk.Time.GetUtcNow() + HandleLimit, desk[Id].StepDueAt);
        desk.Time.Advance(HandleLimit + TimeSpan.FromMinutes(1));
        desk.Tick();
        Assert.Equal((1, 2), (desk[Id].SupervisionLevel, desk[Id].OverdueSteps));
    }

    [Fact]
    public void Filing_and_accepting_do_not_restart_the_step_clock()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        var dispatchDue = desk[Id].StepDueAt;
        desk.Time.Advance(TimeSpan.FromMinutes(30));
        desk.Ok(new FileTicketCommand(Id, Desk.Officer));
        Assert.Equal(dispatchDue, desk[Id].StepDueAt);

        desk.Ok(new DispatchTicketCommand(Id, "派单员"));
        var handleDue = desk[Id].StepDueAt;
        desk.Time.Advance(TimeSpan.FromHours(3));
        desk.Ok(new AcceptDispatchCommand(Id, "区生态环境局"));
        Assert.Equal(handleDue, desk[Id].StepDueAt);
    }

    [Fact]
    public void A_supervisor_can_raise_supervision_but_not_lower_it_and_not_on_a_closed_case()
    {
        var desk = new Desk(DuplicateRules.Off);
        desk.Report(Id);
        desk.Ok(new SuperviseTicketCommand(Id, "区城运中心主任", 2, "市领导批示"));
        Assert.Equal((2, 0), (desk[Id].SupervisionLevel, desk[Id].OverdueSteps));
        Assert.Contains("挂牌督办", desk.LoopSteps(Id).Last().Note);

        Assert.Contains("already", desk.Do(new SuperviseTicketCommand(Id, "督办员", 1, "催办")).Reason);

        // The step then goes overdue: it counts as late, the level already set stays.
        desk.Time.Advance(DispatchLimit);
        desk.Tick();
        Assert.Equal((2, 1), (desk[Id].SupervisionLevel, desk[Id].OverdueSteps));

        desk.Ok(new CloseTicketCommand(Id, Desk.Officer, "已现场劝离"));
        Assert.Contains("cannot", desk.Do(new SuperviseTicketCommand(Id, "督办员", 3, "复查")).Reason);
    }
}
