using Twin.Data.Tests.Support;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;

namespace Twin.Data.Tests.Dispatch;

/// <summary>The dispatch state (departments, 督办, merges, step clocks) survives the store and a restart.</summary>
public sealed class DispatchPersistenceTests : IDisposable
{
    private const string Text = "工地夜间施工噪声很大，影响休息";

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_persons_claim_on_a_ticket_and_an_alarm_and_the_refusing_departments_survive_a_restart()
    {
        var clock = Scenario.Clock();
        var now = clock.GetUtcNow();
        string alarmId;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock))
        {
            await twin.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-1", now)));
            await twin.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-2", now, placement: 3)));
            await twin.SubmitOkAsync(new Twin.Domain.Engine.MarkTicketViewedCommand("T-2", "值班员02"));
            await twin.SubmitOkAsync(new FileTicketCommand("T-1", "值班员01"));
            await twin.SubmitOkAsync(new DispatchTicketCommand("T-1", "派单员"));
            var refusing = twin.Engine.FindTicket("T-1")!.Department!;
            await twin.SubmitOkAsync(new RefuseDispatchCommand("T-1", refusing, "非本部门职责"));
            var ticket = twin.Engine.FindTicket("T-1")!;
            await twin.SubmitOkAsync(new Twin.Domain.Engine.RaiseAiVideoAlarmCommand(
                new Twin.Domain.Alarms.AiVideoEvent("CAM-1", "thrown-object", "疑似高空抛物", ticket.Location, Twin.Domain.Alarms.AlarmSeverity.Major, now)));
            alarmId = twin.Engine.Snapshot().ActiveAlarms.Single().Id;
            await twin.SubmitOkAsync(new Twin.Domain.Engine.MarkAlarmViewedCommand(alarmId, "值班员02"));
            await twin.StopAsync();
        }

        await using var restarted = await PipelineHarness.StartAsync(_db, clock);
        var one = restarted.Engine.FindTicket("T-1")!;
        Assert.Equal("值班员01", one.ClaimedBy);
        Assert.Single(one.RefusedDepartmentList);
        Assert.Equal("值班员02", restarted.Engine.FindTicket("T-2")!.ClaimedBy);
        Assert.Equal("值班员02", restarted.Engine.FindActiveAlarm(alarmId)!.ClaimedBy);

        // The responsibility list (one department for this category) does not send it back to the one that refused before the restart.
        var byList = await restarted.Pipeline.SubmitAsync(new DispatchTicketCommand("T-1", "派单员"));
        Assert.False(byList.Accepted);
        Assert.Contains("name the department", byList.Reason);
    }

    [Fact]
    public async Task Dispatch_fields_and_history_round_trip_and_a_restart_rebuilds_merges_and_clocks()
    {
        var clock = Scenario.Clock();
        var rules = new DuplicateRules();
        var now = clock.GetUtcNow();
        IReadOnlyList<TicketState> before;
        await using (var twin = await PipelineHarness.StartAsync(_db, clock, duplicates: rules))
        {
            await twin.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-1", now) with { Description = Text }));
            await twin.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-2", now, TicketChannel.CitizenApp) with { Description = Text }));
            await twin.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-3", now, placement: 3)));
            await twin.SubmitOkAsync(new FileTicketCommand("T-1", "值班员01"));
            await twin.SubmitOkAsync(new DispatchTicketCommand("T-1", "派单员"));
            await twin.SubmitOkAsync(new AddCoordinatingDepartmentCommand("T-1", "派单员", "区城管执法局"));
            await twin.SubmitOkAsync(new AddCoordinatingDepartmentCommand("T-1", "派单员", "街道城管中队"));
            await twin.SubmitOkAsync(new SuperviseTicketCommand("T-1", "城运中心主任", 2, "群众反映强烈"));
            await twin.SubmitOkAsync(new FileTicketCommand("T-3", "值班员01"));
            await twin.SubmitOkAsync(new DispatchTicketCommand("T-3", "派单员"));
            await twin.SubmitOkAsync(new AcceptDispatchCommand("T-3", "区生态环境局"));
            await twin.SubmitOkAsync(new SubmitForReviewCommand("T-3", "区生态环境局"));
            await twin.SubmitOkAsync(new ApproveReviewCommand("T-3", "审核员"));
            await twin.SubmitOkAsync(new EvaluateTicketCommand("T-3", "市民回访", Satisfied: false, "没有改善"));
            await twin.StopAsync();
            before = twin.Engine.Snapshot().Tickets.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        }

        var one = before[0];
        Assert.Equal((TicketStatus.Dispatched, 1, 2), (one.Status, one.DuplicatesCount, one.SupervisionLevel));
        Assert.Equal(["区城管执法局", "街道城管中队"], one.CoordinatingDepartmentList);
        Assert.Equal((TicketStatus.Merged, "T-1"), (before[1].Status, before[1].MergedIntoId));
        Assert.Equal((TicketStatus.Handling, 1, false), (before[2].Status, before[2].ReopenedCount, before[2].Satisfied));
        Assert.Equal(("值班员01", "值班员01", null), (one.ClaimedBy, before[2].ClaimedBy, before[1].ClaimedBy));
        Assert.StartsWith("自动并案：T-2并入T-1", before[1].DuplicateExplanation);

        await using var restarted = await PipelineHarness.StartAsync(_db, clock, duplicates: rules);
        var after = restarted.Engine.Snapshot().Tickets.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(before, after);
        Assert.Equal(
            [TicketStatus.Discovered, TicketStatus.Merged],
            (await restarted.Store.GetTicketHistoryAsync("T-2")).Select(h => h.To));
        Assert.Contains("自动并案", (await restarted.Store.GetTicketHistoryAsync("T-2"))[^1].Note);

        // The merge index is rebuilt: a third report of the same problem joins T-1 …
        await restarted.SubmitOkAsync(new Twin.Domain.Engine.ReportTicketCommand(Scenario.Ticket("T-4", clock.GetUtcNow(), TicketChannel.NonPolice110) with { Description = Text }));
        Assert.Equal("T-1", restarted.Engine.FindTicket("T-4")!.MergedIntoId);
        Assert.Equal(2, restarted.Engine.FindTicket("T-1")!.DuplicatesCount);

        // … a split finds the case it came from …
        await restarted.SubmitOkAsync(new SplitTicketCommand("T-2", "值班员01", "另一工地"));
        Assert.Equal(1, restarted.Engine.FindTicket("T-1")!.DuplicatesCount);

        // … and the step clocks run on: T-3's handling goes overdue and is supervised.
        clock.Advance(restarted.Engine.FindTicket("T-3")!.StepDueAt!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await restarted.SubmitOkAsync(new Twin.Domain.Engine.TickCommand());
        Assert.Equal((1, 1), (restarted.Engine.FindTicket("T-3")!.SupervisionLevel, restarted.Engine.FindTicket("T-3")!.OverdueSteps));
        Assert.Contains((await restarted.Store.GetTicketHistoryAsync("T-3")), h => h.Actor == "系统督办");

        // T-1 (by hand, and now late too), T-2 (split, then left unfiled for two days) and T-3.
        Assert.Equal(3, restarted.Pipeline.Current.Dispatch!.Supervised);
    }
}
