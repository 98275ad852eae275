using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

public class EvaluationTests
{
    [Fact]
    public void A_hand_computed_example()
    {
        var desk = new Desk();

        // T-1: closed 3 h after the report, on time. T-2: dispatch overdue, closed at 10 h. T-3 merged into T-1 first.
        desk.Report("T-1", at: TestGeo.Changshou);
        desk.Report("T-3", TicketChannel.CitizenApp, at: Desk.North(TestGeo.Changshou, 30));
        desk.Report("T-2", category: "street-light", at: TestGeo.Zhenru, title: "路灯不亮", description: "整条路的路灯晚上都不亮");
        Assert.Equal(TicketStatus.Merged, desk["T-3"].Status);
        desk.Bring("T-1", TicketStatus.Review);
        desk.Time.Advance(TimeSpan.FromHours(3));
        desk.Ok(new ApproveReviewCommand("T-1", "审核员"));
        desk.Time.Advance(TimeSpan.FromHours(2));
        desk.Tick(); // street-light dispatch limit is 4 h: T-2 is late
        desk.Bring("T-2", TicketStatus.Review);
        desk.Time.Advance(TimeSpan.FromHours(5));
        desk.Ok(new ApproveReviewCommand("T-2", "审核员"));
        desk.Ok(new EvaluateTicketCommand("T-2", "市民回访", Satisfied: false, "只修了一盏"));
        desk.Bring("T-2", TicketStatus.Closed);

        var figures = desk.Engine.Snapshot().Dispatch!;
        var all = figures.Overall;
        Assert.Equal((3, 2, 2), (all.Reports, all.Cases, all.Closed));
        Assert.Equal(0.5, all.OnTimeRate);
        Assert.Equal((3 + 10) / 2.0, all.MeanLoopHours!.Value, 9);
        Assert.Equal(10, all.P90LoopHours!.Value, 9);
        Assert.Equal(0.5, all.ReopenRate);
        Assert.Equal(1 / 3.0, all.MergeRate!.Value, 9);

        var environment = Assert.Single(figures.ByDepartment, r => r.Key == "区生态环境局");
        Assert.Equal((2, 1, 1, 1.0, 0.5), (environment.Reports, environment.Cases, environment.Closed, environment.OnTimeRate, environment.MergeRate));
        Assert.Equal(2, figures.BySubDistrict.Sum(r => r.Cases));
    }

    [Fact]
    public void An_evaluation_is_taken_only_within_the_window_after_closing()
    {
        var desk = new Desk(evaluation: new EvaluationWindow(TimeSpan.FromHours(2)));
        desk.Report("T-1", at: TestGeo.Changshou);
        desk.Report("T-2", category: "street-light", at: TestGeo.Zhenru, title: "路灯不亮", description: "整条路的路灯晚上都不亮");
        desk.Bring("T-1", TicketStatus.Closed);
        desk.Bring("T-2", TicketStatus.Closed);

        desk.Time.Advance(TimeSpan.FromMinutes(119));
        desk.Ok(new EvaluateTicketCommand("T-1", "市民回访", Satisfied: true));
        desk.Time.Advance(TimeSpan.FromMinutes(2));
        var late = desk.Do(new EvaluateTicketCommand("T-2", "市民回访", Satisfied: false, "路灯又坏了"));

        Assert.False(late.Accepted);
        Assert.Equal(RefusalCode.EvaluationWindowClosed, late.Why?.Code);
        Assert.Equal((TicketStatus.Evaluated, TicketStatus.Closed), (desk["T-1"].Status, desk["T-2"].Status));
        Assert.Null(desk["T-2"].Satisfied);
    }

    [Fact]
    public void A_closed_ticket_stays_evaluable_for_the_whole_window_across_days_and_is_then_forgotten()
    {
        // Reported and closed on day D (the default window is 72 h): the citizen's 回访 on day D+2 is
        // still within it, although the engine used to forget finished tickets reported before yesterday.
        var desk = new Desk();
        desk.Report("T-1", at: TestGeo.Changshou);
        desk.Report("T-2", category: "street-light", at: TestGeo.Zhenru, title: "路灯不亮", description: "整条路的路灯晚上都不亮");
        desk.Bring("T-1", TicketStatus.Closed);
        desk.Bring("T-2", TicketStatus.Closed);

        desk.Time.Advance(TimeSpan.FromHours(47));
        desk.Tick();
        desk.Ok(new EvaluateTicketCommand("T-1", "市民回访", Satisfied: true));
        Assert.Equal(TicketStatus.Evaluated, desk["T-1"].Status);

        // Past the window and into the next day, both finished tickets leave memory (the store keeps them).
        desk.Time.Advance(TimeSpan.FromHours(30));
        desk.Tick();
        desk.Time.Advance(TimeSpan.FromHours(24));
        desk.Tick();
        Assert.Null(desk.Engine.FindTicket("T-1"));
        Assert.Null(desk.Engine.FindTicket("T-2"));
        Assert.DoesNotContain(desk.Engine.Snapshot().Tickets, t => t.Id is "T-1" or "T-2");
    }

    [Fact]
    public void Figures_match_a_brute_force_recount_over_a_random_run()
    {
        var desk = new Desk();
        var random = new Random(310107);
        var points = Enumerable.Range(0, 12).Select(_ => TestGeo.RandomPointInside(random, TestGeo.Putuo)).ToArray();
        var categories = new[] { "noise", "street-light", "garbage-sorting", "illegal-parking" };
        var actions = new Func<string, Twin.Domain.Engine.TwinCommand>[]
        {
            id => new FileTicketCommand(id, Desk.Officer),
            id => new DispatchTicketCommand(id, "派单员"),
            id => new AcceptDispatchCommand(id, "处置部门"),
            id => new SubmitForReviewCommand(id, "处置部门"),
            id => new ApproveReviewCommand(id, "审核员"),
            id => new RejectReviewCommand(id, "审核员", "未处置到位"),
            id => new RefuseDispatchCommand(id, "处置部门", "非本部门职责"),
            id => new EvaluateTicketCommand(id, "市民回访", random.NextDouble() < 0.7),
            id => new ReopenTicketCommand(id, "督办员", "问题反复"),
            id => new CloseTicketCommand(id, Desk.Officer, "无需处置"),
            id => new SplitTicketCommand(id, Desk.Officer, "非同一问题"),
        };
        var ids = new List<string>();
        for (var step = 0; step < 600; step++)
        {
            desk.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 30)));
            if (random.NextDouble() < 0.3 || ids.Count == 0)
            {
                var id = $"T-{step:D4}";
                ids.Add(id);
                desk.Report(id, (TicketChannel)random.Next(7), categories[random.Next(categories.Length)], points[random.Next(points.Length)]);
            }
            else if (random.NextDouble() < 0.15)
            {
                desk.Tick();
            }
            else
            {
                // Mostly recent tickets, so that many get through the whole loop before the twin forgets them.
                desk.Do(actions[random.Next(actions.Length)](ids[Math.Max(0, ids.Count - 1 - random.Next(8))]));
            }
        }

        var snapshot = desk.Engine.Snapshot();
        var tickets = snapshot.Tickets;
        Assert.Contains(tickets, t => t.Status == TicketStatus.Merged);
        Assert.Contains(tickets, t => t.ReopenedCount > 0);
        Assert.Contains(tickets, t => t.OverdueSteps > 0 && t.ClosedAt is not null);

        var figures = snapshot.Dispatch!;
        Assert.Equal(Recount("all", "全区", tickets), figures.Overall);
        foreach (var row in figures.BySubDistrict)
        {
            Assert.Equal(Recount(row.Key, row.Name, tickets.Where(t => t.SubDistrictCode == row.Key)), row);
        }

        var byId = tickets.ToDictionary(t => t.Id);
        foreach (var row in figures.ByDepartment)
        {
            Assert.Equal(
                Recount(row.Key, row.Name, tickets.Where(t => (t.MergedIntoId is { } c ? byId.GetValueOrDefault(c)?.Department : t.Department) == row.Key)),
                row);
        }

        Assert.Equal(tickets.Count(t => t.Status.IsOpen() && t.SupervisionLevel > 0), figures.Supervised);
        Assert.Equal(tickets.Count(t => t.Status.IsOpen() && t.StepDueAt < snapshot.At), figures.Overdue);
        Assert.Equal(tickets.Count(t => t.Status == TicketStatus.Merged) + tickets.Count(t => t.Status != TicketStatus.Merged), figures.Overall.Reports);
    }

    private static EvaluationRow Recount(string key, string name, IEnumerable<TicketState> group)
    {
        var all = group.ToList();
        var cases = all.Where(t => t.Status != TicketStatus.Merged).ToList();
        var closed = cases.Where(t => t.ClosedAt is not null).ToList();
        var hours = closed.Select(t => (t.ClosedAt!.Value - t.ReportedAt).TotalHours).Order().ToList();
        var everClosed = cases.Where(t => t.ClosedAt is not null || t.ReopenedCount > 0).ToList();
        return new EvaluationRow(
            key,
            name,
            all.Count,
            cases.Count,
            closed.Count,
            closed.Count > 0 ? closed.Count(t => t.OverdueSteps == 0) / (double)closed.Count : null,
            closed.Count > 0 ? hours.Average() : null,
            closed.Count > 0 ? hours[(int)Math.Ceiling(hours.Count * 0.9) - 1] : null,
            everClosed.Count > 0 ? everClosed.Count(t => t.ReopenedCount > 0) / (double)everClosed.Count : null,
            all.Count > 0 ? (all.Count - cases.Count) / (double)all.Count : null);
    }
}
